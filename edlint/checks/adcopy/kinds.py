"""Furniture by kind: each kind of leftover line has its own evidence, and the finding names the kind.

The phrase pack knows what furniture *says*; the tests here know what it
*looks like*, line by line, so they carry over to publishers nobody tuned on:

- a dateline or time stamp is a short line that is a date or a time of
  publication and nothing else but names, places and the words around
  dates ("Updated", "Published", "EST");
- a byline is "By" and names (with their roles, outlets and a date);
- a photo credit is a short line of names and agencies ("Jane Doe/Reuters",
  "(AP)", "© Getty Images"), with no words of a sentence;
- a caption describes a picture: a line of sentence-case description with no
  full stop among full paragraphs, a caption with its credit in brackets at the
  end, or a photo agency's "FILE PHOTO:" form. Its evidence is the weakest,
  so its findings are suggestions and its fix is unsafe;
- related headlines come in runs: three or more headline-shaped lines in a row,
  with no sentence of copy among them.

Regular expressions are compiled on first use, never at import.
"""
from __future__ import annotations

import re
from functools import lru_cache

# category (phrase-pack entry or structural guess) -> the kind named in the finding
KIND = {
    "photo credit": "photo credit",
    "agency credit": "photo credit",
    "photo caption": "photo caption",
    "byline": "byline",
    "byline residue": "byline",
    "dateline": "dateline or time stamp",
    "timestamp": "dateline or time stamp",
    "teaser header": "related headline",
    "teaser tag": "related headline",
    "teaser headline": "related headline",
    "teaser excerpt": "related headline",
    "related headline": "related headline",
    "video link": "related headline",
    "link list": "related headline",
    "newsletter prompt": "prompt",
    "consent blurb": "prompt",
    "comment prompt": "prompt",
    "share prompt": "prompt",
    "author promo": "prompt",
    "poll widget": "prompt",
    "form label": "prompt",
    "paywall notice": "prompt",
    "cookie notice": "prompt",
    "contact line": "prompt",
    "click prompt": "prompt",
    "video end card": "prompt",
    "listicle teaser": "related headline",
    "donation prompt": "prompt",
    "shopping button": "affiliate or shopping block",
    "product specs": "affiliate or shopping block",
    "affiliate disclosure": "affiliate or shopping block",
    "advertising label": "advertising label",
    "markup residue": "page-tool residue",
    "embed residue": "page-tool residue",
    "page tools": "page-tool residue",
    "stray symbols": "page-tool residue",
    "link residue": "page-tool residue",
    "reading time": "page-tool residue",
    "gallery furniture": "page-tool residue",
    "aggregator residue": "syndication residue",
    "copyright line": "syndication residue",
    "navigation": "navigation",
    "repeated label": "navigation",
    "menu labels": "navigation",
    "page header": "navigation",
}


def kind_of(category: str) -> str:
    return KIND.get(category, category)


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_DAYNAME = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?(?![a-z])\.?"


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TIME = r"\d{1,2}(?:[:.]\d\d){1,2}\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"

# Words that sit around dates in a dateline or time stamp.
_DATE_WORDS = _wordset(
    "updated update published posted last edited created modified first on at by in of and the this "
    "story article date time today yesterday ago et pt ct mt est edt pst pdt cst cdt mst mdt gmt bst utc "
    "cet cest ist aest aedt jst hkt sgt uk am pm a.m p.m page news hour hours hr hrs minute minutes min mins"
)
# Lower-case words a byline may carry besides names.
_BYLINE_WORDS = _DATE_WORDS | _wordset(
    "and & with for from to via staff writer writers reporter reporters correspondent correspondents "
    "editor editors contributor contributors columnist special senior chief political business sports "
    "deputy associate managing bureau desk service wire photographer photography reporting photos "
    "photo words pictures video interview report analysis news agencies agency our own team courtesy "
    "reviewed edited written reported compiled contributed medically fact checked fact-checked illustrations "
    "illustration photographs"
)
# Photo agencies and credit words. Matched case-sensitively, as written or in capitals,
# so "AP" and "REUTERS" count and the words "ap" or "via" inside a phrase do not.
_AGENCIES = (
    "AP", "AFP", "Reuters", "Getty", "Getty Images", "PA", "PA Wire", "PA Media", "EPA", "EPA-EFE",
    "Shutterstock", "Alamy", "AAP", "Bloomberg", "Associated Press", "Press Association", "Canadian Press",
    "UPI", "Xinhua", "Anadolu", "Sipa", "Zuma", "NurPhoto", "Rex", "Splash", "iStock", "iStockphoto", "IANS",
    "PTI", "ANI", "EFE", "DPA", "ANSA", "Kyodo", "Yonhap", "TASS", "Pool", "Handout", "File", "File Photo",
    "Images", "Photo", "Photos", "Photograph", "Photographer", "Illustration", "Graphic", "Courtesy", "Credit",
)
# Words that describe what a picture shows, as captions do (present tense, participles, "pictured").
_CAPTION_WORDS = _wordset(
    "speaks speaking arrives arriving walks walking celebrates celebrating waves waving gestures gesturing "
    "attends attending poses posing looks looking holds holding stands standing sits sitting watches "
    "watching listens listening leaves leaving talks talking reacts reacting smiles smiling shakes shaking "
    "greets greeting visits visiting addresses addressing delivers delivering clashes jumps jumping runs "
    "controls passes shoots drives dives kicks heads embraces hugs hugging kisses carries carrying wears "
    "wearing pictured seen photographed undated left right centre center foreground background "
    "(l) (r) (c) l r c"
)


@lru_cache(maxsize=1)
def _rx():
    """Every pattern of this module, compiled once, on first use."""
    return {**_date_patterns(), **_credit_patterns(), **_line_patterns()}


def _date_patterns() -> dict:
    """Dates, times and the words of a time stamp."""
    date = (
        rf"(?:\b{_DAYNAME},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b,?(?:\s+\d{{4}})?"
        rf"|\b\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+of)?\s+{_MONTH},?(?:\s+'?\d{{2,4}})?"
        rf"|\b{_MONTH}\s+\d{{4}})"
    )
    return {
        "date": re.compile(
            rf"(?:{date}"
            rf"|\b\d{{1,4}}[/.-](?:0?[1-9]|[12]\d|3[01])[/.-]\d{{2,4}}\b|\b\d{{4}}/\d\d\b"
            rf"|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b)",
            re.I,
        ),
        "time": re.compile(rf"\b(?:{_TIME})", re.I),
        "stamp_word": re.compile(
            r"^\W*(updated|published|posted|last (update|updated|edited|modified)|created|first published|modified)\b",
            re.I,
        ),
        "year_or_time": re.compile(
            rf"\b(?:19|20)\d\d\b|'\d\d\b|\b(?:{_TIME})|\bago\b|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2}}\b", re.I
        ),
        "listing": re.compile(r"\s*(?:[-–—]\s*\d*\s*)?[-–—:]\s*[A-Za-z]"),
        "month_or_day": re.compile(rf"(?:{_DAYNAME}|{_MONTH})", re.I),
        "range_mark": re.compile(r"\s*(?:[|~–—-]{1,2}|to|until|till|through)\s*", re.I),
        # "NEW YORK --", "WASHINGTON —": a wire dateline left on a line of its own.
        "place_dateline": re.compile(r"^[A-Z][A-Z .,'’-]{2,40}?\s*(?:--|—|–)\s*$"),
    }


def _credit_patterns() -> dict:
    """Bylines, credits and the marks of a caption."""
    # Sorted twice: a set's order changes from process to process, and the pattern's text must not, or its
    # compiled form never comes from the regex cache; longest first, so "PA Media" wins over "PA".
    agencies = sorted(sorted({re.escape(a) for n in _AGENCIES for a in (n, n.upper())}), key=len, reverse=True)
    return {
        "email": re.compile(r"\S+@\S+|@\w+"),
        "byline": re.compile(
            r"^(?:[-–—]+\s*)?(?:(?:(?:medically\s+)?reviewed|edited|fact[- ]checked|written|reported|compiled|"
            r"contributed|words|photos|photographs|pictures|illustrations?|reporting)\s+)?by\s*:?\s+\S"
            r"|^(?:author|authors|source|writer|reporter)\s*:\s*\S|^(?-i:By[A-Z])",
            re.I,
        ),
        # "Jane Doe | jdoe@example.com By Jane Doe | jdoe@example.com": a byline the page printed twice.
        "doubled_byline": re.compile(r"^(.{3,70}?)\s*By\s*(.{3,70})$"),
        # Where people stand in a picture: "(L)", "(left)", ", second from right,".
        "position": re.compile(
            r"(?<=[A-Za-z'’])\s\((?:L|R|C|L-R|[Ll]eft|[Rr]ight|[Cc]ent(?:er|re)|[Tt]op|[Bb]ottom|[Ff]ront|[Bb]ack|"
            r"[Ff]rom left|[Ll]eft to right|(?:second|third) from (?:left|right))\)(?=\s*(?:[a-z,;.]|$))"
            r"|[a-z], (?:left|right|cent(?:er|re)|(?:second|third) from (?:left|right)),"
        ),
        "agency": re.compile(
            r"(?:^|[\s(/|,;\[-])(?:" + "|".join(agencies) + r"|via(?= [A-Z])|©)(?=$|[\s)/|,;.\]:])"
        ),
        "slash_credit": re.compile(r"[A-Za-z.)]\s?/\s?(?:for\s+)?[A-Z]"),
        "caption_prefix": re.compile(
            r"^(?:(?:file photo|caption|pictured|above|below|left|right|top|main picture|main image|image|photo"
            r"|picture)"
            r"\s*:\s*\S|(?:media|image|video|photo) ?caption\s*:?\s*\S)",
            re.I,
        ),
        "bracket_credit": re.compile(r"[^.!?\s]\s*\[\s*([A-Z][\w/&. -]{0,24})\s*\]\s*$"),
        "tail_credit": re.compile(
            r"(\((?:[^()]*\b(?:photo|picture|image)s?\b[^()]*|ap|afp|reuters|getty images|pa|epa"
            r"|[a-z][\w .&-]*/[\w .&-]+)\)|\b(?:reuters|ap photo|afp|getty images)\s*/\s*[\w .'-]{2,40})\s*$",
            re.I,
        ),
        # A credit named as one at the end of a line: "… equivalent. Credit: ESA", "… (Photo: Jane Doe)".
        "labelled_tail": re.compile(
            r"(?:[.)]\s+|\(\s*)(?:credit|photo|image|picture|photograph)s?\s*:\s*([^():]{2,60}?)\)?\s*$", re.I
        ),
        "handle_end": re.compile(r"\s@\w{2,30}\s*$"),
        "handle_only": re.compile(r"^@\w{2,30}$"),
        "post_signature": re.compile(r"^[-–—]+\s*\S[^()]{0,80}\(@\w{1,30}\)"),
    }


def _line_patterns() -> dict:
    """Words, sentence ends and the shapes of teasers and lists."""
    return {
        "word": re.compile(r"[^\W\d_][\w'’.&-]*|&"),
        "letters": re.compile(r"[a-z]+"),
        "sentence_end": re.compile(r"[.!?…][\"'”’)\]]*\s*$"),
        "terminal": re.compile(r"[.!?…:;,][\"'”’)\]]*\s*$"),
        "sentence_in": re.compile(r"[a-z][.!?][\"'”’]?\s+[A-Z]"),
        "not_teaser": re.compile(
            r"[$€£¥]\s?\d|\s@\s|^[QA]:|\s(?:v|vs\.?)\s|\d+\s*[-–]\s*\d+|\d+%"
            r"|\b\d+(?:\.\d+)?\s?(?:oz|cup|cups|tsp|tbsp|g|kg|ml|gb|mb|cc)\b",
            re.I,
        ),
        "label": re.compile(r"^([^:]{1,30}):\s+\S"),
        "listicle": re.compile(r"^(\d{1,3})\s+[A-Z]"),
        # A figure of a table: "1,547.60", "-12.35", "0.80": prices, indices, changes.
        "figure": re.compile(r"(?<![\w.])[-+]?\d[\d,]*\.\d+(?![\w.])"),
        # A clip's running time at the end of its title: "(1:04)", "(Runs: 1:29)", "[2:46]".
        "running_time": re.compile(r"[(\[](?:(?:runs|running time|duration|length)\s*:?\s*)?\d{1,2}:\d\d[)\]]\s*$",
                                   re.I),
        # The credit under a picture, named as one: "Photo by …", "Image: …", "(Credit: …)", "Courtesy of …".
        "picture_credit": re.compile(
            r"^\(?\s*(?:(?:photo(?:graph)?|image|picture|illustration)\s*(?:by\b|:)|credit\s*:|courtesy\b)", re.I
        ),
        "pronoun": re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|[Yy]our|us)\b"),
        # The verbs of a story told (reported speech, past events, what may come): copy, not a picture's caption.
        "told": re.compile(r"\b(?:said|says|told|tells|will|would|could|should|can|may|might|must|had|has|have|did"
                           r"|does|was|met|went|added|asked)\b"),  # in lower case: "May 13", "Will Smith" are names
        # Words only English has among the common ones: what a caption in English says.
        "english": re.compile(r"\b(?:the|of|and|with|from|during|after|at|in|on|his|her|their|is|are|was)\b", re.I),
    }


def _words(text: str) -> list[str]:
    return _rx()["word"].findall(text)


def lower_words(text: str) -> list[str]:
    return [w.lower() for w in _rx()["word"].findall(text)]


def _names_only(words: list[str], allowed: frozenset[str]) -> bool:
    """Every word a name (capitalised, or all capitals) or one of the allowed lower-case words."""
    for w in words:
        low = w.lower().strip(".")
        if low in allowed:
            continue
        if not w[0].isupper():
            return False
    return True


def dateline(text: str) -> bool:
    """A line that is a publication date or time stamp, with at most a place or a name beside it.

    A bare clock time ("4:14 p.m.") is a live-update heading, not a stamp:
    it needs a date, "… ago", or a word like "Updated" to count.
    """
    if len(text) > 110:
        return False
    rx = _rx()
    if rx["place_dateline"].match(text.strip()):
        return True
    has_date = rx["date"].search(text)
    stamp = rx["stamp_word"].search(text)
    if not has_date and not (stamp and rx["time"].search(text)):
        return False
    if not (stamp or rx["year_or_time"].search(text)):
        return False  # "Saturday, 26 February" over a fixture: a date in the copy, not a stamp
    if " @ " in text or date_listing(text):
        return False  # "June 9 – Tampa @ Arena", "Jan. 15-18: Boat Show": a listing in the copy
    rest = rx["time"].sub(" ", rx["date"].sub(" ", text))
    rest = rx["email"].sub(" ", rest)
    words = [w for w in _words(rest) if not rx["month_or_day"].fullmatch(w)]
    if len(words) > 7:
        return False
    return _names_only(words, _BYLINE_WORDS)


_RUN_ENDS = frozenset(("open run", "ongoing", "present", "now", "today", "tba", "tbc", "tbd"))


def date_listing(text: str) -> bool:
    """A line of a listing in the copy: a date, a dash or colon, then what happens ("June 9 – Tampa, FL")."""
    rx = _rx()
    m = rx["date"].match(text.strip())
    return bool(m) and bool(rx["listing"].match(text.strip(), m.end()))


def date_range(text: str) -> bool:
    """When something runs, not when a page was stamped: "29 November 2018 | 20 January 2019",
    "2018.04.05 ~ OPEN RUN"."""
    rx = _rx()
    s = text.strip()
    m = rx["date"].match(s)
    r = m and rx["range_mark"].match(s, m.end())
    if not r or r.end() == m.end():
        return False
    rest = s[r.end():].strip(" .")
    return bool(rx["date"].fullmatch(rest)) or rest.lower() in _RUN_ENDS


def post_signature(text: str) -> bool:
    """The line under an embedded post, "— Name (@handle) November 19, 2019": it says who wrote
    the quoted post above it, so it is attribution, and deleting it would orphan the quote."""
    rx = _rx()
    m = rx["post_signature"].match(text.strip())
    return bool(m) and bool(rx["date"].search(text, m.end()))


def copy_line(text: str) -> bool:
    """Lines with a date in them that belong to the copy: a listing, a date range, a post's signature."""
    return date_listing(text) or date_range(text) or post_signature(text)


def byline(text: str) -> bool:
    """"By" and names, perhaps with a role, an outlet, an e-mail address and a date; or a role and a handle."""
    rx = _rx()
    if len(text) > 140:
        return False
    if rx["handle_end"].search(text):
        words = _words(rx["handle_end"].sub("", text))
        return 1 <= len(words) <= 6 and _names_only(words, _BYLINE_WORDS | {"news", "reporter"})
    twice = rx["doubled_byline"].match(text)
    if twice and twice.group(1).strip(" |,") == twice.group(2).strip(" |,"):
        return True
    if not rx["byline"].search(text):
        return False
    if rx["sentence_in"].search(text):
        return False
    rest = rx["email"].sub(" ", rx["time"].sub(" ", rx["date"].sub(" ", text)))
    words = _words(rest)
    if not 2 <= len(words) <= 16:
        return False
    return _names_only(words[1:], _BYLINE_WORDS)


def photo_credit(text: str) -> bool:
    """A short line of names and agencies: "Jane Doe/Reuters", "(AP)", "© Getty Images", "Jane Doe, AP"."""
    stripped = text.strip()
    if len(stripped) > 90 or not stripped or " @ " in stripped:
        return False
    rx = _rx()
    words = _words(stripped)
    if len(words) > 10 or rx["listicle"].match(stripped):
        return False  # "15 Amazing Images of Stars": a numbered teaser, not a credit
    whole_paren = stripped.startswith("(") and stripped.endswith(")")
    slash = rx["slash_credit"].search(stripped) and (whole_paren or "(" not in stripped)
    credit_sign = "©" in stripped or whole_paren or slash or rx["agency"].search(stripped)
    if not credit_sign:
        return False
    if stripped.endswith("?"):
        return False  # a question ("AP: Why Cruise?" in an interview), not a credit
    if stripped.endswith(".") and not re.search(r"\b[A-Z]\.$|\b(?:Inc|Ltd|Co)\.$", stripped):
        return False
    return bool(words) and _names_only(words, _BYLINE_WORDS)


def labelled_credit(text: str) -> str:
    """The credit a line ends with when it names it ("… equivalent. Credit: ESA" gives "esa"), else ""."""
    if "redit" not in text and "hoto" not in text and "mage" not in text and "icture" not in text:
        return ""
    m = _rx()["labelled_tail"].search(text)
    return m.group(1).strip().lower() if m and len(_words(text[: m.start()])) >= 4 else ""


def bare_paren_credit(text: str) -> bool:
    """A credit only because it is a line in brackets ("(Rated R)", "(CBS)"): no agency, no "©", no slash.
    Its shape alone is one piece of evidence; a rating or an aside in the copy has it too."""
    stripped = text.strip()
    if not (stripped.startswith("(") and stripped.endswith(")")) or "©" in stripped:
        return False
    rx = _rx()
    return not rx["agency"].search(stripped) and not rx["slash_credit"].search(stripped)


_CAPTION_STARTS = ("file photo", "media caption", "image caption", "caption", "pictured", "above", "below",
                   "left", "right", "top", "main pic", "main image", "image", "photo", "picture")


def caption_marked(text: str, prefix_only: bool = False) -> bool:
    """A caption by its form: "FILE PHOTO: …", "Image: …", a credit in brackets or parentheses at the end."""
    rx = _rx()
    if len(text) > 400:
        return False
    if text[:16].lower().startswith(_CAPTION_STARTS) and rx["caption_prefix"].search(text):
        return True
    if prefix_only:
        return False
    if text.lstrip("( ").startswith("©") and len(_words(text)) > 10:
        return True  # "© Getty Images MANCHESTER, ENGLAND - SEPTEMBER 28: Students peer out …"
    if credit_tail(text):
        return True
    m = rx["bracket_credit"].search(text)
    if m and len(_words(text)) >= 4:
        return True
    return bool(rx["tail_credit"].search(text)) and len(_words(text)) >= 4


def credit_tail(text: str) -> bool:
    """A description whose last sentence is its credit: "Best-selling hate. Shutterstock/Jane Doe",
    "You are what you search. (The Associated Press)"."""
    rx = _rx()
    cut = max(text.rfind(". "), text.rfind(" ("))
    if cut < 0:
        return False
    head, tail = text[: cut + 1], text[cut + 1 :].strip()
    if tail[:1] in "-–—" or not (4 <= len(_words(head)) <= 30) or rx["sentence_in"].search(head):
        return False  # "… in school. – AFP": a wire story's sign-off; a paragraph with its source
    signed = "©" in tail or rx["agency"].search(tail) or rx["slash_credit"].search(tail)
    return bool(signed) and 1 <= len(_words(tail)) <= 8 and photo_credit(tail)


_POSITION_CUES = ("(", "left,", "right,", "ntre,", "nter,")


def position_marked(text: str) -> bool:
    """Says where people stand in a picture ("(L)", "(left)", ", second from right,"): a caption, even as a sentence."""
    if len(text) > 400 or not any(cue in text for cue in _POSITION_CUES):
        return False
    return bool(_rx()["position"].search(text))


# The head noun of a place's name ("Ewood Park", "Lansdowne Road"): a venue in a fact box, not a byline.
_PLACE_NOUNS = _wordset(
    "park road street avenue lane way place square court gardens garden hall centre center stadium arena "
    "ground grounds field fields bridge bowl dome oval theatre theater house palace castle church college "
    "school university hospital airport station island islands river lake bay beach valley hill hills"
)
_ROLE_WORDS = _wordset(
    "editor correspondent reporter writer staff news service desk bureau columnist contributor "
    "newspapers newspaper wire agencies"
)


def has_role(text: str) -> bool:
    """Names a role or an outlet: "Political Editor", "Example News Service"."""
    return any(w.lower().strip(".") in _ROLE_WORDS for w in _words(text))


def name_line(text: str) -> bool:
    """Only a name ("Jane Doe"), or an outlet or role ("Political Editor", "Example News Service").

    A name is two or three capitalised words with no little words between
    them; longer lines in Title Case are headlines and need a role word.
    """
    if len(text) > 60 or ":" in text or _rx()["terminal"].search(text) or any(c.isdigit() for c in text):
        return False
    words = _words(text)
    if not words or not _names_only(words, _BYLINE_WORDS) or not words[0][0].isupper():
        return False
    if has_role(text):
        return len(words) <= 6
    if any(c in text for c in ",()/&") or words[-1].lower() in _PLACE_NOUNS:
        return False
    return 2 <= len(words) <= 3 and not any(w.lower() in _MINOR for w in words)


def caption_shaped(text: str) -> bool:
    """A line describing a picture: sentence case, no full stop, long for a subheading, one sentence."""
    rx = _rx()
    if len(text) > 260 or any(rx[k].search(text) for k in ("terminal", "sentence_in", "not_teaser")):
        return False
    words = _words(text)
    if len(words) < 8:
        return False
    if not text[:1].isupper():
        return False
    lower = sum(1 for w in words if w[0].islower())
    if lower < 0.4 * len(words) or not rx["english"].search(text):
        return False  # a caption needs English evidence: a verse quoted in another language is not one
    low = set(text.lower().replace(",", " ").split())
    return not low.isdisjoint(_CAPTION_WORDS)


# The buttons of a page's tool bar, as a scraper leaves them in a line: "E-mail Article Print-Friendly
# Subscribe to RSS Feed", "Print Story | Email Story", "Story Tools: E-MAIL | PRINT | Text Size: S M L XL".
_TOOL_WORDS = _wordset(
    "email print printable printer share comment comments rss subscribe bookmark reprint reprints "
    "syndication toolbar tools feedback typo rate save recommend permalink"
)
# Words the buttons carry besides their names.
_TOOL_FILLER = _wordset(
    "article story page this to a an the friend friends version your our and or more send feed feeds "
    "friendly text size font s m l xl report of me it in"
)


def tool_line(text: str) -> bool:
    """A line that is nothing but a page's tool buttons: two different tools or more ("Print",
    "E-mail", "Share", "RSS", "Comments") and only the words such buttons carry, no sentence end.
    A line of copy that names a tool says something else besides."""
    if len(text) > 160 or text.rstrip().endswith((".", "!", "?")):
        return False
    words = _rx()["letters"].findall(text.lower().replace("e-mail", "email"))
    if not 2 <= len(words) <= 24:
        return False
    tools = {w for w in words if w in _TOOL_WORDS}
    if len(tools) < 2 or tools <= {"comment", "comments"}:
        return False
    return all(w in _TOOL_WORDS or w in _TOOL_FILLER for w in words)


def handle_line(text: str) -> bool:
    return bool(_rx()["handle_only"].match(text.strip()))


def paragraph(text: str) -> bool:
    """A paragraph of copy: a dozen words or more, ending as a sentence ends."""
    return len(_words(text)) >= 12 and bool(_rx()["sentence_end"].search(text))


_MINOR = _wordset("a an the and or but nor of to in on at by for from with as vs v is are be into over after up")


def title_case_headline(text: str, min_words: int = 6) -> bool:
    """A teaser headline in Title Case: six words or more, nearly all of the major ones capitalised."""
    words = _words(text)
    if len(words) < min_words or len(text) > 160:
        return False
    major = [w for w in words if w.lower() not in _MINOR]
    caps = sum(1 for w in major if w[0].isupper())
    return len(major) >= min_words - 1 and caps >= 0.9 * len(major)


def teaser_like(text: str) -> bool:
    """Could this line be a link to another story? Four to twenty words; not a price, a
    fact ("Processor: 1.2GHz"), a question-and-answer line, a score, a listing or a row of a table.
    """
    rx = _rx()
    words = _words(text)
    if not 4 <= len(words) <= 20 or rx["not_teaser"].search(text) or table_row(text):
        return False
    label = rx["label"].match(text)
    return label is None or label.group(1).isupper()


def listicle_teaser(text: str) -> bool:
    """"12 Strangest Things Found In Lost Property": a number, then a headline in Title Case."""
    m = _rx()["listicle"].match(text)
    return bool(m) and int(m.group(1)) >= 3 and title_case_headline(text[m.end(1):].strip())


def video_up_next(text: str) -> bool:
    """A video player's "Up next" label. AP's "UP NEXT" heading over the next fixtures,
    in capitals, is copy and stays."""
    t = text.strip().rstrip(":")
    return t.lower() == "up next" and not t.isupper()


def key(text: str) -> str:
    return text.strip().lower()


def repeats(texts: list[str]) -> dict[str, int]:
    """How often each line occurs as a line of its own: furniture repeats, copy rarely does."""
    counts: dict[str, int] = {}
    for t in texts:
        if len(t) <= 300:
            k = key(t)
            if k:
                counts[k] = counts.get(k, 0) + 1
    return counts


def long_sentence(text: str) -> bool:
    """A long line that ends as a sentence does: copy, checked in no time (most lines of an article)."""
    end = text.rstrip()
    # "… on Monday, November 18th, 2019 at 11:08 a.m." ends on a stamp, not a sentence.
    return len(text) > 60 and end[-1:] in ".!?\"”’" and not end.endswith(("a.m.", "p.m."))


def caption_like(text: str) -> bool:
    """A description line (sentence case, six words or more, no full stop, in English): a caption when it repeats.

    A line repeated in another language (a quoted verse, a refrain) is not a caption edlint can judge.
    """
    rx = _rx()
    words = _words(text)
    if len(words) < 6 or any(rx[k].search(text) for k in ("sentence_end", "sentence_in", "not_teaser")):
        return False
    return sum(1 for w in words if w[0].islower()) >= 0.3 * len(words) and bool(rx["english"].search(text))


def table_row(text: str) -> bool:
    """A row of a table (a share, a fund, a result): two figures with decimals or more. No headline reads so."""
    return len(_rx()["figure"].findall(text)) >= 2


def video_title(text: str) -> bool:
    """A clip of a video playlist: a short title with its running time, "Romney Wins Michigan Primary (2:46)"."""
    rx = _rx()
    m = rx["running_time"].search(text)
    if not m or len(text) > 140:
        return False
    return 1 <= len(_words(text[: m.start()])) <= 15 and not rx["sentence_in"].search(text)


def picture_credit(text: str) -> bool:
    """A credit that names a picture ("Photo by …", "Image: …", "(Credit: …)") or is a photographer and
    an outlet in the slash form ("(Jane Doe / Example Chronicle)", "Jane Doe/Reuters")."""
    rx = _rx()
    t = text.strip()
    if t.lower().startswith(("image copyright", "image caption", "photos of")):
        return False  # a BBC page prints the credit over its caption; the line above is copy
    if len(_words(t)) > 12 or rx["sentence_in"].search(t):
        return False  # a caption that carries its credit: the line above it is copy
    return bool(rx["picture_credit"].match(t) or rx["slash_credit"].search(t))


def caption_over_credit(text: str) -> bool:
    """A line that reads as the description over a picture's credit: a dozen words or so, sentence case,
    present tense or no verb, none of the marks of copy (a quotation, a colon, "I", "we" or "you",
    "said", "was", "will", a numbered item)."""
    rx = _rx()
    words = _words(text)
    if not 3 <= len(words) <= 14 or not text[:1].isupper() or any(c in text for c in ':;"“”|'):
        return False
    if rx["pronoun"].search(text) or rx["told"].search(text) or not rx["english"].search(text):
        return False
    return sum(1 for w in words if w[0].islower()) >= 0.25 * len(words)


def terminal(text: str) -> bool:
    """Ends as a sentence or a clause does (".", "!", "?", ":", ";", ",")."""
    return bool(_rx()["terminal"].search(text))


def short_label(text: str) -> bool:
    """A label of one to three words with no sentence end and no "Key: value" form ("Most Read", "Stocks")."""
    rx = _rx()
    return 1 <= len(_words(text)) <= 5 and len(text) <= 50 and not rx["terminal"].search(text) and ": " not in text


def key_value(text: str) -> bool:
    """A "Key: value" line: a short key, a colon, then the value."""
    return ":" in text and bool(_rx()["label"].match(text))
