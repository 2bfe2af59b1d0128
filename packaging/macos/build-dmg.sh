#!/usr/bin/env bash
# Wrap dist/Recount.app (from `python packaging/build.py` on macOS) in a compressed disk image:
#   bash packaging/macos/build-dmg.sh   ->  dist/Recount-VERSION-macos-ARCH.dmg
# Optional signing and notarization, when the release machine has the credentials:
#   MACOS_SIGN_IDENTITY="Developer ID Application: ..."  codesign the app (hardened runtime)
#   MACOS_NOTARY_PROFILE=name                             xcrun notarytool keychain profile
set -euo pipefail
cd "$(dirname "$0")/../.."

app=dist/Recount.app
if [ ! -d "$app" ]; then
  echo "build-dmg: $app not found; run: python packaging/build.py" >&2
  exit 1
fi
version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
dmg="dist/Recount-${version}-macos-$(uname -m).dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$app"
  codesign --verify --deep --strict "$app"
fi

# The image shows the app next to a link to /Applications: drag one onto the other.
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Recount ${version}" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
  xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
fi
echo "build-dmg: $dmg ($(du -h "$dmg" | cut -f1))"
