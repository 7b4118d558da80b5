extension SegmentationRules {
    static let german = SegmentationRules(
        abbreviations: table(
            prefix: [
                // titles and forms of address
                "Dr.", "Prof.", "Hr.", "Hrn.", "Fr.", "Dipl.", "Ing.", "Dipl.-Ing.", "Mag.", "med.",
                "jur.", "phil.", "rer.", "nat.", "pol.", "oec.", "theol.", "habil.", "h.c.",
                "h. c.", "Dr.-Ing.", "Pfr.", "Präs.", "Vors.", "Gen.", "Kard.", "Bf.", "Hl.",
                "St.", "Sta.", "geb.", "verh.", "verw.", "sog.", "kath.", "ev.", "evang.",
                // references, places, quantities
                "Str.", "Pl.", "vgl.", "Vgl.", "s.", "S.", "Tel.", "Hbf.", "ca.",
                "Ca.", "rd.", "lt.", "gem.", "bzgl.", "inkl.", "exkl.", "zzgl.", "abzgl.", "max.",
                "Pkt.", "v. Chr.", "n. Chr.",
                // multi-part abbreviations that never end a sentence
                "z. B.", "z.B.", "Z. B.", "d. h.", "d.h.", "D. h.", "u. a.", "u.a.", "U. a.",
                "o. ä.", "o.ä.", "u. ä.", "u. Ä.", "u.Ä.", "z. T.", "z.T.", "Z. T.", "z. Z.",
                "z.Z.", "s. o.", "s. u.", "v. a.", "v.a.", "i. d. R.", "i.d.R.", "u. U.", "u.U.",
                "m. E.", "i. A.", "i. V.", "a. D.", "o. g.", "u. v. m.", "u. v. a.", "z. Hd.",
                "i. S.", "z. Zt.",
            ],
            beforeNumber: [
                "Nr.", "Abs.", "Art.", "Bd.", "Bde.", "Kap.", "Abb.", "Tab.", "Anm.", "Fn.",
                "Ziff.",
                "lit.", "Az.", "Bl.", "Sp.", "Rn.",
            ],
            ambiguous: [
                "usw.", "bzw.", "etc.", "evtl.", "ggf.", "uvm.", "u. dgl.", "dgl.", "Co.", "Jr.",
                "Sen.", "jun.", "sen.", "Ltd.", "Inc.", "Corp.", "Bhf.", "Jan.", "Feb.", "Febr.",
                "Mär.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez.",
                "Mo.", "Di.", "Mi.", "Do.", "Sa.", "Chr.", "Ges.", "Verf.", "Hrsg.", "Aufl.",
                "bspw.", "insb.", "allg.", "einschl.", "zit.", "ff.", "f.", "Mio.", "Mrd.", "Tsd.",
                "Jh.", "Jhd.", "Jhdt.", "min.", "Min.", "Std.", "Sek.",
            ]),
        sentenceStarters: [
            // articles and determiners
            "Der", "Die", "Das", "Dem", "Den", "Des", "Ein", "Eine", "Einen", "Einem", "Einer",
            "Eines", "Kein", "Keine", "Keinen", "Dieser", "Diese", "Dieses", "Diesen", "Diesem",
            "Jeder", "Jede", "Jedes", "Jeden", "Alle", "Viele", "Einige", "Manche", "Beide",
            // pronouns
            "Er", "Sie", "Es", "Wir", "Ich", "Ihr", "Du", "Man", "Dies", "Das", "Was", "Wer",
            "Sein", "Seine", "Ihre", "Unser", "Unsere", "Mein", "Meine", "Dein", "Deine",
            // conjunctions and sentence adverbs
            "Und", "Aber", "Oder", "Denn", "Doch", "Sondern", "Als", "Wenn", "Weil", "Da", "Dass",
            "Ob", "Obwohl", "Während", "Nachdem", "Bevor", "Damit", "Dabei", "Dafür", "Dagegen",
            "Daher", "Darum", "Deshalb", "Deswegen", "Dennoch", "Trotzdem", "Zudem", "Außerdem",
            "Allerdings", "Jedoch", "Auch", "Noch", "Nun", "Jetzt", "Heute", "Gestern", "Morgen",
            "Dann", "Danach", "Zuvor", "Inzwischen", "Mittlerweile", "Bereits", "Schon", "Erst",
            "So", "Sonst", "Dort", "Hier", "Wie", "Wo", "Warum", "Wann", "Wieso", "Weshalb",
            "Immer", "Nie", "Nicht", "Nur", "Insgesamt", "Zunächst", "Schließlich", "Zuletzt",
            "Ja", "Nein", "Vielleicht", "Leider", "Laut", "Zwar",
            // prepositions and their contractions
            "Im", "Am", "Zum", "Zur", "Vom", "Beim", "Ins", "Ans", "In", "An", "Auf", "Aus",
            "Bei", "Mit", "Nach", "Von", "Vor", "Für", "Um", "Über", "Unter", "Zu", "Seit",
            "Bis", "Ab", "Gegen", "Ohne", "Durch", "Trotz", "Wegen", "Neben", "Hinter",
            "Zwischen",
        ],
        numberPolicy: .ordinalAfterDeterminer,
        numberContextWords: [
            "der", "die", "das", "dem", "den", "des", "am", "im", "zum", "zur", "vom", "beim",
            "ins", "ans", "ein", "eine", "einen", "einem", "einer", "seinem", "seinen", "seiner",
            "ihrem", "ihren", "ihrer", "jedem", "diesem", "diesen", "dieser", "bis", "ab", "seit",
            "vor", "nach", "zwischen", "und", "oder", "bzw", "für", "auf", "an", "in", "um",
            "über", "unter",
        ],
        continuationWords: [
            "der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer",
            "eines", "und", "oder", "aber", "sowie", "mit", "von", "vom", "zu", "zum", "zur", "im",
            "am", "in", "an", "auf", "aus", "bei", "beim", "für", "über", "unter", "nach", "vor",
            "durch", "gegen", "ohne", "um", "als", "wie", "dass", "weil", "wenn", "ob", "sich",
            "nicht", "auch", "noch", "sehr", "seine", "ihre", "ist", "sind", "wird", "wurde",
        ],
        months: [
            "januar", "jänner", "februar", "feber", "märz", "april", "mai", "juni", "juli",
            "august", "september", "oktober", "november", "dezember",
        ],
        ellipsisEndsBeforeLowercase: false,
        gluedPeriodEnds: false
    )
}
