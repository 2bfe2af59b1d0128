; Inno Setup 6.3+ script for the Windows installer of Recount.
; Build the one-folder app first (python packaging\build.py), then from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\recount.iss
; The release workflow passes AppVersion from pyproject.toml. Output: dist\Recount-VERSION-setup.exe
; Relative paths below are relative to this file (Inno Setup's default SourceDir).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Recount"
#define AppExe "recount.exe"

[Setup]
; AppId identifies the app to Windows' uninstaller across versions: never change it.
AppId={{6F1C2A7E-3B9D-4E52-9A41-2C7D8E5B1F30}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Recount team
AppPublisherURL=https://github.com/recount/recount
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install without admin rights is offered; all-users needs elevation.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Recount-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\io.github.recount.Recount.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The PyInstaller one-folder build: recount.exe and _internal\ (Qt, Python, migrations, resources).
Source: "..\..\dist\recount\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder: the user's library in %LOCALAPPDATA%\Recount stays.
Type: filesandordirs; Name: "{app}"
