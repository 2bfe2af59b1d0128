"""Word lists for telling a story's own words from the language every news report shares.

Rules for the language of news in general, never for one story: function words, reporting
verbs, words of time and quantity, and capitalised words that do not name anyone (months,
weekdays, titles before a name). Nothing here names a place, person or organisation.
"""

from __future__ import annotations

# Function words and the words every report uses, whatever it is about.
COMMON = frozenset("""
a about above across after again against ago all almost along already also although always am
among an and another any anyone anything are around as at away back be became because become been
before being below between both but by can cannot could did do does doing done down during each
either else enough even ever every few for from further get gets getting give given go goes going
gone got had has have having he her here hers herself him himself his how however i if in into is
it its itself just least less like made make makes many may me might more most much must my near
nearly neither never next no none nor not now of off often on once one only onto or other others
otherwise our ours out over own per perhaps put rather same see seen several shall she should
since so some such than that the their theirs them themselves then there these they this those
though through thus to together too toward towards under until up upon us very via was we well
were what whatever when where whether which while who whom whose why will with within without
would yet you your yours

said say says saying told tell tells telling according added adding asked stated statement
statements reported reports report reporting reporter reporters news announced announcement
confirmed noted explained described called calls call claimed claims warned urged insisted
spoke speaking speak spokesman spokeswoman spokesperson comment comments commented quoted
noting wrote writes write published posted tweet tweeted tweets interview press conference
read more related share follow photo image video copyright reserved rights subscribe newsletter
click here advertisement source sources agency agencies

today yesterday tomorrow tonight morning afternoon evening night day days week weeks weekend
month months year years time times hour hours minute minutes earlier later recent recently
since early late latest last first second third new old current currently previous previously
ongoing still far soon now

people person persons man men woman women children child number numbers total figure figures
least most around about nearly almost approximately estimated estimate estimates some many
several dozens dozen hundreds thousands millions hundred thousand million billion percent
half two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
also including include includes included part parts way ways thing things lot lots
well just even still another other others much many

mr mrs ms dr
""".split())

# Words of the language of news that many different events share (tolls, officials, rises):
# kept, but weighing little, so that they never decide alone which story a report follows.
GENERIC = frozenset("""
kill killed killing dead death deaths die died dying toll tolls injur injured injury injuries
wound wounded wounds hurt victim victims casualty casualties survivor survivors missing body bodies
hospital hospitals medical health doctor doctors rescue rescuer rescuers emergency
rise rose risen rising climb climbed increase increased fall fell drop dropped reach reached
government governments official officials authority authorities ministry minister country
countries nation national state states city cities town area areas region regional local
international world public police security force forces army military troops
attack attacks attacked violence crisis situation incident incidents event events
began begin start started end ended continue continued continues remain remained remains
help support need needs expect expected believe believed think including across
""".split())

# Capitalised words that do not name anyone: months, weekdays, titles before a name, and the
# sentence openers a capital letter does not make into names.
CALENDAR = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
""".split())

NOT_NAMES = CALENDAR | frozenset("""
mr mrs ms dr prof sir lord st
president prime minister ministers secretary general gen col colonel lt lieutenant major
commander chief governor mayor senator sen rep representative ambassador envoy spokesman
spokeswoman spokesperson director head deputy chairman chairwoman king queen prince princess
pope bishop archbishop father rev reverend judge justice officer sheriff captain sgt sergeant
marshal field
the a an this that these those there here it its he she they we you i his her their our my
in on at by for from of to with after before as but and or if when while since during however
meanwhile also although though yet so then still more most some many all both each every no
not one two three four five six seven eight nine ten
breaking update updated live exclusive watch read share photo video getty reuters afp ap
""".split())

# Small words that may sit inside a name ("Ministry of Health", "Abu al-Qasim").
NAME_JOINERS = frozenset("of de du da del della di la le al el bin ibn van von der den".split())
