"""Following a story: feeds and folders the user chose, polled in the background (no Qt here).

sources.py   the sources table and what was taken from each (db/004_sources.sql)
urls.py      which URLs may be fetched; one key per report URL (tracking parameters dropped)
fetch.py     the only code that goes on the network: http(s), conditional GET, caps, timeouts
feeds.py     RSS, Atom (feedparser) and JSON Feed bytes -> entries
pages.py     an entry -> an Article (its page read with recount.reading, else its summary)
folders.py   new or changed .txt/.md/.html files under a watched folder
ingest.py    store one new report (one transaction), and say what it changed (changes.py)
poll.py      one source polled: fetch, read, store, status
scheduler.py which sources are due (interval, back-off, pause), polled in parallel, on any clock
"""
