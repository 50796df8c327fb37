"""Social media handles and personal web addresses, for the privacy screen: "@name" after a platform
word ("insta @brave_little_x", "telegram: @mama_x"), a lone "@" handle shaped like a user name, and
links whose path names a person or a fundraiser ("linkedin.com/in/…", "facebook.com/<name>",
"gofundme.com/f/…") or, on any site, named after a person (privacy_named_links: "www.example.com/teddys-fight",
"@teddysfight"), and a payment app's tag ("venmo @x", "cashapp $x", "zelle: x"). A family's handle, payment
tag or fundraiser page finds the family as surely as a name.

Runs before web addresses are masked as harmless. A company's, agency's or registry's site
("clinicaltrials.gov/study/NCT…", "www.novartis.com/…") names no person and passes; an "@" before a
number ("ANC @ 0.4", "@ 2 mg/kg") or with a space after it is a measurement's "at", not a handle.
"""
from __future__ import annotations

import functools
import re

from trialfind.core.given_names import dictionary_given_names, is_english_word, word_like_given_names
from trialfind.core.privacy_named_links import campaign_label_names_a_child, find_named_links
from trialfind.core.privacy_phrases import COMPANIES
from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_words import GIVEN_NAMES

# Platforms' names as people write them before a handle.
_PLATFORM = (r"twitter\s*/\s*x|x\s*/\s*twitter|insta(?:gram)?|ig|tik\s?tok|tt|telegram|tg|twitter|x|"
             r"fb|facebook|threads|snap(?:chat)?|sc|youtube|yt|twitch|mastodon|bluesky|bsky|reddit|pinterest|"
             r"kakao(?:talk)?|line|wechat|weibo|vk|vkontakte|signal|discord|linkedin|tumblr|follow\s+(?:us|me|"
             r"our\s+(?:journey|story|page|fight|updates?))(?:\s+on(?:\s+\w+)?)?|find\s+us|handle|username|"
             r"user\s*name|account|dm|dms|message\s+(?:us|me)|"
             # The same platforms written in Arabic, Hebrew and Hindi (their Wikipedia article titles), with the
             # word for "on" that may follow: "इंस्टाग्राम पर @x", "سناب: x", "באינסטגרם: @x".
             r"(?:इंस्टाग्राम|इंस्टा|फेसबुक|फ़ेसबुक|ट्विटर|टिकटॉक|यूट्यूब)(?:\s+पर)?|"
             r"(?:انستغرام|انستقرام|إنستغرام|انستا|فيسبوك|فيس\s+بوك|تويتر|سناب(?:\s*شات)?|تيك\s*توك|تلغرام|تيليجرام)"
             r"(?:\s+على)?|(?:ב|ל)?(?:אינסטגרם|אינסטה|פייסבוק|טוויטר|טיקטוק|טלגרם)")
_HANDLE = r"@[A-Za-z_][\w.]{1,29}(?<!\.)"
_PLATFORM_HANDLE = re.compile(rf"\b(?i:{_PLATFORM})\b\s*(?:[:=\-–]|is|at|on)?\s*(?:\w+\s*[:\-–]\s*)?({_HANDLE})")
# The same without its "@", after the platform and a colon: "IG: maria.jose.fighter", "tiktok: team_ayo2019". A dot,
# underscore or digit inside makes it a user name; a web address's ending ("fb: example.org") is a site.
_PLATFORM_USER = re.compile(rf"\b(?i:{_PLATFORM})\s*[:=]\s*([A-Za-z]{{2,}}[._\d][\w.]*[A-Za-z\d])(?![\w@/])")
_SITE_ENDING = re.compile(r"\.(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|info|health)$", re.IGNORECASE)
# A lone handle: "@" after a space or the start, then a user name with a digit, an underscore, a dot or a
# capital inside it ("@mama_bichngoc", "@DrOkonkwoHale", "@fuerzax2019"), never an e-mail's "@" or "@home".
_LONE_HANDLE = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[,;:]))@([A-Za-z][\w.]{2,29})(?![\w@.]*\.\w)")
# What a company's own account adds to its name: "@DayOneBio", "@NovartisUS", "@PfizerInc".
_ACCOUNT_ENDINGS = ("", "bio", "pharma", "pharmaceuticals", "rx", "inc", "oncology", "tx", "therapeutics", "us", "usa",
                    "uk", "eu", "global", "news", "group")


@functools.cache
def _company_accounts() -> frozenset[str]:
    """Listed companies' names run together in lower case: "dayonebiopharmaceuticals", "dayone"."""
    return frozenset(re.sub(r"[^a-z0-9]", "", company.lower()) for company in COMPANIES)


def _is_company_account(user: str) -> bool:
    """`user` is a listed company's name run together, with an ending its account adds at most ("DayOneBio")."""
    lower = user.lower().replace("_", "")
    return any(lower.endswith(ending) and lower[:len(lower) - len(ending)] in _company_accounts()
               for ending in _ACCOUNT_ENDINGS)

# A log-in or forum name given without "@": "my username on the portal is kbrandt2016", "login: mpatel_77",
# "user id = jdoe88", "posting as brave.mama.k". The value must look like a user name (a digit, an underscore
# or a dot inside, or no word at all): "the login is required" and "user name: see above" pass.
_USER_WORD = (r"user\s*name|usern?ame|login|log-in|log\s+in\s+name|user\s*id|userid|user|screen\s*name|"
              r"forum\s+(?:name|handle)|handle|nick(?:name)?|gamertag|alias|posting\s+as|posts?\s+as|"
              r"benutzername|nom\s+d['’]utilisateur|nombre\s+de\s+usuario|identifiant|pseudo")
_USER_NAME = re.compile(
    rf"\b(?i:{_USER_WORD})\b(?:\s+(?i:on|at|for|in)\s+(?:(?i:the|my|our|his|her)\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    rf"\s*(?:(?i:is|was|:|=|-|–)\s*)?(?P<value>(?<![\w@])[A-Za-z][\w.\-]{{2,30}}(?<![.\-]))(?![\w@/])")
# Payment apps people give to collect donations: what follows the app's name is the family's own tag ("venmo
# @mama-bear-22", "cashapp $BraveLeo", "zelle: kowalczyk.family"). "venmo accepted" or "paypal donations" is an
# ordinary word and passes; an e-mail or a phone after the app is found as such.
_PAYMENT_APP = (r"venmo|cash\s?app|cashapp|cash\.app|paypal(?:\.me)?|zelle|revolut|monzo|swish|mobilepay|vipps|"
                r"bizum|lydia|twint|paytm|phonepe|gpay|google\s+pay|apple\s+cash|ko-?fi|buy\s?me\s?a\s?coffee|"
                r"gcash|m-?pesa|blik|upi(?:\s+id)?|vpa|bhim")
_PAYMENT_TAG = re.compile(
    rf"\b(?i:{_PAYMENT_APP})\b\s*(?:(?i:is|at|to|me|:|=|-|–)\s*)?(?:(?i:me|us|at|to)\s+)?"
    r"(?P<tag>[A-Za-z][\w.\-]{1,40}@[A-Za-z]{2,20}(?![\w.@])|[@$][A-Za-z][\w.\-]{1,29}|[A-Za-z][\w.\-]{2,29})"
    r"(?<![.\-])(?![\w@])")
# India's UPI payment address is a name and a bank's tag, "rakesh.gupta@okicici" (NPCI, "UPI"): no e-mail domain.
# Reddit's user prefix "u/neuroblastoma_dad_83" names a person; "r/childhoodcancer" is a forum, not a person.
# Reddit allows 20 characters, but people retype names longer than that ("u/neuroblastoma_mom_jess").
_REDDIT_USER = re.compile(r"(?<![\w/.])/?u/[A-Za-z0-9_-]{3,32}(?![\w/])")
# Words a user-name slot holds in ordinary text ("the login is required", "username: see below").
_NOT_USER_NAMES = frozenset({
    "required", "needed", "optional", "provided", "sent", "below", "above", "here", "there", "same", "different",
    "unknown", "missing", "pending", "none", "not", "the", "your", "my", "our", "their", "his", "her", "and", "or",
    "with", "without", "from", "case-sensitive", "unique", "valid", "invalid",
})


# Sites where the path after the domain is a person, a family or its fundraiser.
_PERSONAL_SITES = (
    r"linkedin\.com/(?:in|pub)/|facebook\.com/(?!(?:groups|events|pages|policies|help|legal|business|watch|"
    r"privacy|terms|login|sharer|share)\b)|fb\.com/|fb\.me/|m\.facebook\.com/|instagram\.com/|instagr\.am/|"
    r"tiktok\.com/@|vm\.tiktok\.com/|(?:x|twitter)\.com/(?!(?:i|intent|share|search|home|hashtag|privacy|tos|"
    r"settings)\b)|t\.me/(?!\+)|telegram\.me/|youtube\.com/(?:@|c/|user/|channel/)|youtu\.be/|"
    r"threads\.net/@|snapchat\.com/add/|vk\.com/|gofundme\.com/(?:f/)?|gofund\.me/|justgiving\.com/|"
    r"caringbridge\.org/|leetchi\.com/|vakinha\.com\.br/|ketto\.org/|kitabisa\.com/|milaap\.org/|"
    r"betterplace\.(?:org|me)/|gogetfunding\.com/|crowdfunding\.\w+/|donorbox\.org/|givealittle\.co\.nz/|"
    r"chuffed\.org/|fundly\.com/|headstart\.co\.il/(?:project/)?|jgive\.com/|impactguru\.com/(?:fundraiser/)?|"
    r"zoomaal\.com/|mightycause\.com/|helloasso\.com/|paypal\.me/|venmo\.com/|cash\.app/\$|"
    r"patreon\.com/|ko-fi\.com/|buymeacoffee\.com/|linktr\.ee/|bsky\.app/profile/|mastodon\.\w+/@|"
    r"medium\.com/@|substack\.com/@|"
    # A code host's first path segment is its user's (or an organisation's) name: "github.com/mkowalczyk/...".
    r"github\.com/(?!(?:orgs|topics|features|about|pricing|login|explore|marketplace|sponsors)\b)|gitlab\.com/|"
    r"bitbucket\.org/")
_PERSONAL_URL = re.compile(rf"(?<![\w.-])(?:https?://)?(?:www\.|m\.|mobile\.|[a-z]{{2}}\.)?(?:{_PERSONAL_SITES})"
                           r"(?P<path>[^\s,;)\]]*)", re.IGNORECASE)
# A site the writer calls their own: "my blog: www.ourjourneywithmaxi.de", "our website is teamlena.org".
_OWN_SITE = re.compile(
    r"\b(?i:my|our)\s+(?i:blog|website|web\s*site|site|page|home\s*page|web\s*page|journal|diary)\s*"
    r"(?::|-|–|(?i:is|at))?\s*(?P<url>(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/[^\s,;)\]]*)?)")
# A person's own blog: the sub-domain is the person ("mateosjourney.blogspot.com").
_PERSONAL_BLOG = re.compile(r"(?<![\w.-])(?:https?://)?(?:www\.)?[\w-]{3,}\.(?:blogspot|wordpress|substack|tumblr|carrd)\."
                            r"(?:com|co)\b[^\s,;)\]]*", re.IGNORECASE)
# A Facebook group is often a family's page for its child ("facebook.com/groups/teamsofia.strong",
# "fb.com/groups/prayers-for-mateo"): a support group's is named by its disease or place and passes.
_FACEBOOK_GROUP = re.compile(r"(?<![\w.-])(?:https?://)?(?:www\.|m\.|web\.)?(?:facebook|fb)\.com/groups/"
                             r"(?P<slug>[\w.\-]+)", re.IGNORECASE)
# What a family's campaign puts around its child's name ("teamsofia", "prayersforleo", "mateostrong", "evasarmy").
_CAMPAIGN_AFFIX = re.compile(r"^(?:team|prayers?for|prayfor|pray4|love4|lovefor|fightfor|fight4|fightwith|helpfor|"
                             r"help4|helpsave|saving|save|"
                             r"support|friendsof|hopefor|hope4|standwith|heartsfor)|"
                             r"(?:s?strong|s?army|s?warriors?|s?fight|s?journey|s?story|s?tribe|s?crew|s?squad|"
                             r"s?updates|s?hope)$")
# Paths of those sites that are the site's own pages, not a person's: "gofundme.com/c/…", "justgiving.com/about".
_SITE_PAGES = re.compile(r"/(?:c|about|help|how-it-works|pricing|start|signin|login|search|discover|blog|"
                         r"charities|charity)(?:[/?#]|$)", re.IGNORECASE)


def find_handles(text: str, found: list[Finding]) -> None:
    """Append each handle and each personal or fundraiser link in `text`."""
    if "@" in text:
        for match in _PLATFORM_HANDLE.finditer(text):
            found.append(Finding("handle", match.start(), match.end(), "a social media handle"))
        for match in _LONE_HANDLE.finditer(text):
            user = match.group(1)
            if (re.search(r"[\d_.]|[a-z][A-Z]", user) or campaign_label_names_a_child(user)
                    or _doctor_handle(user)) and not _is_company_account(user):
                found.append(Finding("handle", *match.span(), "a social media handle"))
    if ":" in text or "=" in text:
        for match in _PLATFORM_USER.finditer(text):
            if not _SITE_ENDING.search(match.group(1)):
                found.append(Finding("handle", *match.span(1), "a social media handle"))
    for match in _PAYMENT_TAG.finditer(text):
        tag = match.group("tag")
        if tag[0] in "@$" or re.search(r"[\d_.\-]|[a-z][A-Z]", tag) or not (
                is_english_word(tag.lower()) or tag.lower() in _NOT_USER_NAMES):
            found.append(Finding("handle", *match.span(), "a payment app's user tag"))
    for match in _USER_NAME.finditer(text):
        value = match.group("value")
        # "e.g." and "i.e." after "user" are Latin, and a dotted word ("Dr.", "approx.") is an abbreviation.
        if value.lower() in _NOT_USER_NAMES or re.fullmatch(r"(?i)(?:[a-z]{1,2}\.)+[a-z]{0,2}|v\d[\d.]*", value):
            continue
        if re.search(r"[\d_.]", value) or (not is_english_word(value.lower()) and value.islower()
                                             and len(value) >= 5 and not value.isalpha()):
            found.append(Finding("handle", *match.span(), "a user name or log-in"))
    if "u/" in text:
        for match in _REDDIT_USER.finditer(text):
            found.append(Finding("handle", *match.span(), "a forum user name (reddit)"))
    if "/" in text or "." in text:
        for match in _PERSONAL_URL.finditer(text):
            path = match.group("path")
            # The site with no person after it ("donate via gofundme.com/") names nobody.
            if len(path.strip("/@$?#")) < 2 or _SITE_PAGES.match("/" + path.lstrip("/")):
                continue
            found.append(Finding("handle", *match.span(), "a personal web address (a person's profile or "
                                                          "fundraiser page)"))
        for match in _FACEBOOK_GROUP.finditer(text):
            if _names_a_child(match.group("slug")):
                found.append(Finding("handle", *match.span(), "a personal web address (a family's group for "
                                                              "its child)"))
        for match in _OWN_SITE.finditer(text):
            found.append(Finding("handle", *match.span("url"), "a personal web address (the writer's own site)"))
        for match in _PERSONAL_BLOG.finditer(text):
            host = re.sub(r"^(?:https?://)?(?:www\.)?", "", match.group(0).lower())
            if not host.startswith(("blogspot.", "wordpress.", "substack.", "tumblr.", "carrd.")):
                found.append(Finding("handle", *match.span(), "a personal web address (a person's blog)"))
        # Any other site: a path named after a person ("www.example.com/teddys-fight").
        find_named_links(text, found)


def _doctor_handle(user: str) -> bool:
    """A doctor's own handle: "dr" and a given name no English word shares ("@drkavitaonco", "@DrAmaraPeds")."""
    lower = user.lower()
    if not lower.startswith("dr") or len(lower) < 6:
        return False
    names = dictionary_given_names()
    return any((lower[2:2 + n] in GIVEN_NAMES or lower[2:2 + n] in names) and not is_english_word(lower[2:2 + n])
               for n in range(4, min(len(lower) - 2, 12) + 1))


def _names_a_child(slug: str) -> bool:
    """A group's name holds a given name: one no English word shares ("sofia", "mateo"), or any given name beside a
    campaign's affix ("teamgrace", "gracestrong"). A support group's name ("dipgwarriors", "neuroblastomaparents")
    holds none. The name's words are read apart and, for an affix written apart ("friends.of.ariel"), joined."""
    parts = re.findall(r"[^\W\d_]+", slug.lower())
    for part in parts + ["".join(parts)] * (len(parts) > 1):
        affixed = _CAMPAIGN_AFFIX.search(part) is not None
        core = part
        while True:
            stripped = _CAMPAIGN_AFFIX.sub("", core, count=1)
            if stripped == core or len(stripped) < 3:
                break
            core = stripped
        if len(core) < 3 or not (core in GIVEN_NAMES or core in dictionary_given_names()
                                 or core in word_like_given_names()):
            continue
        if affixed and core != part or not is_english_word(core):
            return True
    return False
