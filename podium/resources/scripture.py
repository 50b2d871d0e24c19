"""Names of scriptures, books of the Bible, surahs and well-known works, with their canonical forms.

Plain data for ``podium.anatomy.citations``. Keys are lowercase spellings as written in speeches;
values are the canonical name put in the citation's ``work`` attribute.
"""

BIBLE_BOOKS = {
    "genesis": "Genesis", "exodus": "Exodus", "leviticus": "Leviticus", "numbers": "Numbers",
    "deuteronomy": "Deuteronomy", "joshua": "Joshua", "judges": "Judges", "ruth": "Ruth",
    "1 samuel": "1 Samuel", "2 samuel": "2 Samuel", "1 kings": "1 Kings", "2 kings": "2 Kings",
    "1 chronicles": "1 Chronicles", "2 chronicles": "2 Chronicles", "ezra": "Ezra", "nehemiah": "Nehemiah",
    "esther": "Esther", "job": "Job", "psalm": "Psalms", "psalms": "Psalms", "proverbs": "Proverbs",
    "ecclesiastes": "Ecclesiastes", "song of songs": "Song of Songs", "isaiah": "Isaiah",
    "jeremiah": "Jeremiah", "lamentations": "Lamentations", "ezekiel": "Ezekiel", "daniel": "Daniel",
    "hosea": "Hosea", "joel": "Joel", "amos": "Amos", "obadiah": "Obadiah", "jonah": "Jonah",
    "micah": "Micah", "nahum": "Nahum", "habakkuk": "Habakkuk", "zephaniah": "Zephaniah",
    "haggai": "Haggai", "zechariah": "Zechariah", "malachi": "Malachi", "matthew": "Matthew",
    "mark": "Mark", "luke": "Luke", "john": "John", "acts": "Acts", "romans": "Romans",
    "1 corinthians": "1 Corinthians", "2 corinthians": "2 Corinthians", "galatians": "Galatians",
    "ephesians": "Ephesians", "philippians": "Philippians", "colossians": "Colossians",
    "1 thessalonians": "1 Thessalonians", "2 thessalonians": "2 Thessalonians", "1 timothy": "1 Timothy",
    "2 timothy": "2 Timothy", "titus": "Titus", "hebrews": "Hebrews", "james": "James",
    "1 peter": "1 Peter", "2 peter": "2 Peter", "1 john": "1 John", "jude": "Jude",
    "revelation": "Revelation",
}  # fmt: skip
#: Book names that are also common first names or words: cited only with chapter:verse.
AMBIGUOUS_BOOKS = frozenset(
    {
        "numbers",
        "job",
        "mark",
        "john",
        "james",
        "jude",
        "acts",
        "ruth",
        "daniel",
        "amos",
        "joel",
        "titus",
        "luke",
        "matthew",
        "judges",
        "esther",
        "jonah",
    }
)
QURAN_NAMES = {"quran": "Quran", "qur'an": "Quran", "qur’an": "Quran", "koran": "Quran",
               "holy quran": "Quran", "holy qur'an": "Quran", "holy qur’an": "Quran"}  # fmt: skip
#: Words in a document that make a bare "(110:1-3)" a Quran reference.
QURAN_CONTEXT = ("quran", "qur'an", "qur’an", "koran", "allah", "surah", "sura ", "ayah", "prophet muhammad",
                 "pbuh", "almighty god", "in the name of god", "islamic", "muslim", "hadith",
                 "peace be upon him")  # fmt: skip
#: Named works cited with sections ("Nahj al-Balaghah, sermon 27"), lowercase -> canonical.
NAMED_WORKS = {
    "nahj al-balaghah": "Nahj al-Balaghah", "nahj al-balagha": "Nahj al-Balaghah",
    "sahih bukhari": "Sahih al-Bukhari", "sahih al-bukhari": "Sahih al-Bukhari",
    "sahih muslim": "Sahih Muslim", "bhagavad gita": "Bhagavad Gita", "the gita": "Bhagavad Gita",
    "torah": "Torah", "talmud": "Talmud", "the federalist": "The Federalist",
    "federalist papers": "The Federalist", "the analects": "Analects", "analects": "Analects",
    "guru granth sahib": "Guru Granth Sahib", "the art of war": "The Art of War",
    "mishnah": "Mishnah", "sunan abu dawud": "Sunan Abu Dawud", "al-kafi": "Al-Kafi",
    "sunan ibn majah": "Sunan Ibn Majah", "jami at-tirmidhi": "Jami at-Tirmidhi",
    "jami al-tirmidhi": "Jami at-Tirmidhi", "sunan al-tirmidhi": "Jami at-Tirmidhi",
    "sunan an-nasa'i": "Sunan an-Nasa'i", "sunan an-nasai": "Sunan an-Nasa'i",
    "sunan al-nasa'i": "Sunan an-Nasa'i", "muwatta malik": "Muwatta Malik", "al-muwatta": "Muwatta Malik",
    "musnad ahmad": "Musnad Ahmad", "riyad as-salihin": "Riyad as-Salihin",
    "riyadh as-saliheen": "Riyad as-Salihin",
    "laudato si'": "Laudato Si'", "laudato si’": "Laudato Si'", "fratelli tutti": "Fratelli Tutti",
    "evangelii gaudium": "Evangelii Gaudium",
    "catechism of the catholic church": "Catechism of the Catholic Church",
    "pacem in terris": "Pacem in Terris", "rerum novarum": "Rerum Novarum", "dilexi te": "Dilexi Te",
    "freedom charter": "Freedom Charter", "communist manifesto": "Communist Manifesto",
    "centesimus annus": "Centesimus Annus", "laborem exercens": "Laborem Exercens",
    "caritas in veritate": "Caritas in Veritate", "populorum progressio": "Populorum Progressio",
    "evangelium vitae": "Evangelium Vitae", "veritatis splendor": "Veritatis Splendor",
    "sollicitudo rei socialis": "Sollicitudo Rei Socialis", "quadragesimo anno": "Quadragesimo Anno",
    "gaudium et spes": "Gaudium et Spes", "amoris laetitia": "Amoris Laetitia",
    "deus caritas est": "Deus Caritas Est", "al-sahifa al-sajjadiyya": "al-Sahifa al-Sajjadiyya",
    "sahifa sajjadiyya": "al-Sahifa al-Sajjadiyya", "al-sahifa al-sajjadiya": "al-Sahifa al-Sajjadiyya",
}  # fmt: skip
#: Named works cited by a bare paragraph number after a comma ("Fratelli Tutti, 25"): papal documents.
NUMBERED_WORKS = frozenset(
    {"Laudato Si'", "Fratelli Tutti", "Evangelii Gaudium", "Catechism of the Catholic Church",
     "Pacem in Terris", "Rerum Novarum", "Dilexi Te", "Centesimus Annus", "Laborem Exercens",
     "Caritas in Veritate", "Populorum Progressio", "Evangelium Vitae", "Veritatis Splendor",
     "Sollicitudo Rei Socialis", "Quadragesimo Anno", "Gaudium et Spes", "Amoris Laetitia",
     "Deus Caritas Est"}
)  # fmt: skip
#: Section words used after a named work ("sermon 27", "letter 53").
SECTION_WORDS = ("sermon", "letter", "saying", "hadith", "chapter", "section", "verse", "book", "volume",
                 "no.", "number", "paper", "page", "paragraph", "part", "supplication", "dua")  # fmt: skip
#: Treaties and agreements cited by their acronym -> canonical name (the acronym itself).
TREATY_ACRONYMS = ("USMCA", "NAFTA", "CUSMA", "JCPOA", "NPT", "CTBT", "TPNW", "CPTPP", "TPP", "RCEP",
                   "AfCFTA", "GATT", "TRIPS", "UNCLOS", "UNFCCC", "CEDAW", "AUKUS", "CFE")  # fmt: skip
#: Canonical names of laws and treaties that are written in several ways.
WORK_ALIASES = {
    "un charter": "UN Charter", "u.n. charter": "UN Charter", "united nations charter": "UN Charter",
    "charter of the united nations": "UN Charter", "charter": "UN Charter",
    "geneva conventions": "Geneva Conventions", "fourth geneva convention": "Fourth Geneva Convention",
    "universal declaration of human rights": "Universal Declaration of Human Rights",
    "nato treaty": "North Atlantic Treaty", "north atlantic treaty": "North Atlantic Treaty",
    "washington treaty": "North Atlantic Treaty", "rome statute": "Rome Statute",
    "constitution": "Constitution",
}  # fmt: skip
#: Surahs of the Quran by name (without the article "Al-", letters only, no final "h") -> number.
SURAHS = {
    name: number
    for number, names in enumerate(
        """
        fatiha baqara imran nisa maida anam araf anfal tawba|tauba yunus hud yusuf rad ibrahim hijr nahl
        isra kahf maryam|maryum taha anbiya hajj muminun|muminoon nur|noor furqan shuara naml qasas
        ankabut rum|room luqman sajda ahzab saba fatir yasin|yaseen saffat sad zumar ghafir fussilat
        shura zukhruf dukhan jathiya ahqaf muhammad fath hujurat qaf dhariyat|zariyat tur najm qamar
        rahman waqia hadid mujadila hashr mumtahana saff jumua|juma munafiqun taghabun talaq tahrim
        mulk qalam haqqa maarij nuh jinn muzzammil muddaththir|muddathir qiyama insan|dahr mursalat
        naba naziat abasa takwir infitar mutaffifin inshiqaq buruj tariq ala ghashiya fajr balad shams
        layl|lail duha sharh|inshirah tin alaq qadr bayyina zalzala|zilzal adiyat qaria takathur asr
        humaza fil quraysh|quraish maun kawthar|kauthar kafirun nasr masad|lahab ikhlas falaq nas
        """.split(),  # noqa: SIM905
        start=1,
    )
    for name in names.split("|")
}
