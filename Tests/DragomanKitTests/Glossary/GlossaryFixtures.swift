import DragomanKit

/// A small glossary written for the unit tests, independent of the shipped one.
enum GlossaryFixtures {
    static let tsv = """
        id\tcategory\ten\ttr\tde\tpos\tnote\tnote_tr\texclude
        mayor\ttitle\tMayor\tBelediye Başkanı\tBürgermeister|Bürgermeisterin\tnoun\t\t\t
        metro-mayor\ttitle\tMetropolitan Mayor\tBüyükşehir Belediye Başkanı\tOberbürgermeister\tnoun\t\t\t
        deputy-mayor\ttitle\tDeputy Mayor\tBelediye Başkan Yardımcısı\tstellvertretender Bürgermeister\tnoun\t\t\t
        minister-interior\ttitle\tMinister of the Interior\tİçişleri Bakanı\tInnenminister\tnoun\t\t\t
        ministry-interior\torganisation\tMinistry of the Interior\tİçişleri Bakanlığı\tBundesministerium des Innern\tproperNoun\t\t\t
        izmir\tplace\tİzmir|Izmir\tİzmir|Izmir!forbidden\tİzmir|Izmir\tproperNoun\t\tThe dot stays.\t
        izmir-mm\torganisation\tİzmir Metropolitan Municipality\tİzmir Büyükşehir Belediyesi\tGroßstadtkommune İzmir\tproperNoun\t\t\t
        ordu\tplace\tOrdu\tOrdu\tOrdu\tproperNoun\t\t\t
        van\tplace\tVan\tVan\tVan\tproperNoun\t\t\tVan Gogh|Van Dyck
        bursa\tplace\tBursa\tBursa\tBursa\tproperNoun\t\t\t
        essen\tplace\tEssen\tEssen\tEssen\tproperNoun\t\t\tdas Essen|zum Essen|beim Essen
        munich\tplace\tMunich\tMünih\tMünchen\tproperNoun\t\t\t
        turkiye\tplace\tTürkiye|Turkey!deprecated\tTürkiye\tTürkei\tproperNoun\tThe state asks for Türkiye.\t\t
        eu\torganisation\tEuropean Union|EU\tAvrupa Birliği|AB\tEuropäische Union|EU\tproperNoun\t\t\t
        commission\torganisation\tEuropean Commission\tAvrupa Komisyonu\tEuropäische Kommission\tproperNoun\t\t\t
        ministry-foreign\torganisation\tMinistry of Foreign Affairs\tDışişleri Bakanlığı\tAuswärtiges Amt\tproperNoun\t\t\t
        president\ttitle\tPresident\tCumhurbaşkanı\tPräsident|Präsidentin\tnoun\t\t\t
        governor\ttitle\tGovernor\tVali\tGouverneur\tnoun\t\t\t
        nrw\tplace\tNorth Rhine-Westphalia\tKuzey Ren-Vestfalya\tNordrhein-Westfalen\tproperNoun\t\t\t
        """ + "\n"

    static func glossary() throws -> Glossary {
        try Glossary(entries: GlossaryTable.read(tsv, format: .tsv, file: "fixture.tsv").entries)
    }
}
