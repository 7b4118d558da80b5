extension SegmentationRules {
    static let english = SegmentationRules(
        abbreviations: table(
            prefix: [
                // titles
                "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Prof.", "Rev.", "Hon.", "Gov.", "Sen.",
                "Sens.",
                "Reps.", "Govs.", "Drs.", "Messrs.",
                "Rep.", "Pres.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Adm.", "Sgt.",
                "Cpl.", "Pvt.", "Insp.", "Supt.", "Det.", "Fr.", "Msgr.", "Sr.", "Sra.", "St.",
                "Assoc.", "Asst.", "Assist.",
                "Mt.", "Ft.", "Pt.",
                // references and units before a number or name
                "ed.", "eds.", "cf.", "e.g.", "i.e.", "viz.", "approx.", "ca.", "c.", "Tel.",
                "ext.", "Ave.",
                "Blvd.", "Rd.", "Dept.", "Univ.", "Assn.", "Bros.", "al.", "et al.",
            ],
            beforeNumber: [
                "No.", "Nos.", "Nr.", "p.", "pp.", "para.", "paras.", "vol.", "Vol.", "ch.", "Ch.",
                "chap.", "fig.", "Fig.", "sec.", "Sec.", "art.", "Art.",
            ],
            ambiguous: [
                "etc.", "Jr.", "Co.", "co.", "Inc.", "Ltd.", "Corp.", "Plc.", "LLC.", "vs.",
                "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
                "Nov.", "Dec.", "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thurs.", "Fri.",
                "Sat.", "Sun.", "est.", "min.", "max.", "hr.", "hrs.", "ft.", "in.", "yd.",
                "mi.", "oz.", "lb.", "lbs.", "m.", "km.", "kg.",
            ],
            time: ["a.m.", "p.m.", "A.M.", "P.M."]),
        sentenceStarters: [
            // articles, determiners, pronouns
            "The", "A", "An", "This", "That", "These", "Those", "Some", "Many", "Most", "All",
            "Each", "Every", "No", "Any", "Both", "Several", "Such", "Other", "Another", "It",
            "He", "She", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My",
            "Your", "There", "Here", "One", "Nobody", "Everyone", "Someone",
            // question words, auxiliaries
            "How", "What", "Why", "When", "Where", "Who", "Whom", "Whose", "Which", "Did", "Do",
            "Does", "Is", "Are", "Was", "Were", "Has", "Have", "Had", "Will", "Would", "Can",
            "Could", "Should", "Shall", "May", "Might", "Must",
            // conjunctions, adverbs, prepositions
            "But", "And", "Or", "So", "Yet", "Nor", "For", "If", "Although", "Though", "While",
            "Because", "Since", "Unless", "Whether", "After", "Before", "As", "In", "On", "At",
            "From", "With", "Without", "By", "To", "Of", "Under", "Over", "During", "Despite",
            "According", "Then", "Now", "Today", "Yesterday", "Tomorrow", "Also", "However",
            "Meanwhile", "Moreover", "Furthermore", "Still", "Instead", "Thus", "Therefore",
            "Indeed", "Later", "Earlier", "Finally", "Yes", "Not", "Only", "Even", "Just",
        ],
        numberPolicy: .sentenceEnd,
        numberContextWords: [],
        continuationWords: [
            "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with",
            "from", "by", "as", "that", "which", "who", "is", "are", "was", "were", "be", "has",
            "have", "had", "will", "would", "its", "their", "his", "her", "our", "this", "these",
        ],
        months: [
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december",
        ],
        ellipsisEndsBeforeLowercase: false,
        gluedPeriodEnds: false
    )
}
