/// Small XLIFF files of our own for the reader's tests: what CAT tools write, with inline
/// codes, groups, several files, segments, notes and an untranslated unit.
enum XLIFFFixtures {
    /// XLIFF 1.2, English to Turkish, two `<file>`s.
    static let version1 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="haber.html" source-language="en-US" target-language="tr-TR" datatype="html">
            <body>
              <group id="baslik">
                <trans-unit id="1">
                  <source>The new ferry pier opens in <g id="g1">Karşıyaka</g> on Friday.</source>
                  <target state="translated">Yeni iskele cuma günü <g id="g1">Karşıyaka</g>'da açılıyor.</target>
                  <note>Headline of the item.</note>
                </trans-unit>
                <group id="alt" translate="no">
                  <trans-unit id="2">
                    <source>İzmir Büyükşehir Belediyesi</source>
                    <target>İzmir Büyükşehir Belediyesi</target>
                  </trans-unit>
                </group>
              </group>
              <trans-unit id="3">
                <source>Press <bpt id="1">&lt;b&gt;</bpt>Save<ept id="1">&lt;/b&gt;</ept> to keep<x id="2"/> the timetable.</source>
                <target state="needs-review-translation">Tarifeyi<x id="2"/> saklamak için <bpt id="1">&lt;b&gt;</bpt>Kaydet<ept id="1">&lt;/b&gt;</ept> düğmesine basın.</target>
                <note from="editor">Button label.</note>
                <note>Keep the tags.</note>
              </trans-unit>
              <trans-unit id="4">
                <source>Tickets cost <ph id="1">{price}</ph> lira<it id="2" pos="open">&lt;i&gt;</it> for students<bx id="3"/>.<ex id="3"/></source>
              </trans-unit>
              <trans-unit id="5">
                <source>The pier was built in 14 months. Work began in <mrk mtype="term">March</mrk>.</source>
                <seg-source><mrk mtype="seg" mid="1">The pier was built in 14 months.</mrk> <mrk mtype="seg" mid="2">Work began in <mrk mtype="term">March</mrk>.</mrk></seg-source>
                <target><mrk mtype="seg" mid="1">İskele 14 ayda yapıldı.</mrk> <mrk mtype="seg" mid="2">Çalışmalar <mrk mtype="term">mart</mrk> ayında başladı.</mrk></target>
                <alt-trans><source>The pier was built.</source><target>İskele yapıldı.</target></alt-trans>
              </trans-unit>
            </body>
          </file>
          <file original="duyuru.txt" source-language="en" target-language="tr">
            <body>
              <trans-unit id="1"><source>Ferries run every &quot;half hour&quot; &amp; at night.</source><target>Vapurlar her "yarım saatte" bir &amp; gece de çalışıyor.</target></trans-unit>
            </body>
          </file>
        </xliff>
        """

    /// XLIFF 2.0, Turkish to German.
    static let version2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="tr" trgLang="de-DE">
          <file id="f1" original="bulten.docx">
            <unit id="u1">
              <notes><note category="context">Bültenin ilk cümlesi.</note><note>Unvan kısaltılmaz.</note></notes>
              <mtc:matches><mtc:match ref="#s1"><source>Başkan konuştu.</source><target>Der Bürgermeister sprach.</target></mtc:match></mtc:matches>
              <originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data><data id="d3">&lt;br/&gt;</data></originalData>
              <segment id="s1" state="translated">
                <source>Belediye Başkanı <pc id="1" dataRefStart="d1" dataRefEnd="d2">Konak</pc> iskelesinde konuştu.</source>
                <target>Der Oberbürgermeister sprach am Anleger <pc id="1" dataRefStart="d1" dataRefEnd="d2">Konak</pc>.</target>
              </segment>
            </unit>
            <group id="g1">
              <unit id="u2">
                <segment id="a" state="final">
                  <source>Hat 12 istasyona<ph id="2" dataRef="d3"/> uzanıyor.</source>
                  <target>Die Linie reicht bis zu 12 Haltestellen.<ph id="2" dataRef="d3"/></target>
                </segment>
                <ignorable><source> </source><target> </target></ignorable>
                <segment id="b">
                  <source>Seferler <sc id="3"/>sabah altıda<ec startRef="3"/> başlıyor.</source>
                  <target>Die Fahrten beginnen <sc id="3"/>um sechs Uhr<ec startRef="3"/> morgens.</target>
                </segment>
                <segment>
                  <source><sm id="m1" type="term"/>Karşıyaka<em startRef="m1"/> yolcuları sevindi.</source>
                </segment>
              </unit>
              <unit id="u3" translate="no">
                <segment><source>KENTKART</source><target>KENTKART</target></segment>
              </unit>
            </group>
            <unit id="u4">
              <segment><source>Bilet <mrk id="m2" type="term">öğrenciler</mrk> için 10 lira<cp hex="0007"/>.</source></segment>
            </unit>
          </file>
        </xliff>
        """

    /// XLIFF 2.1, English to German, one unit.
    static let version21 = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="de">
          <file id="f"><unit id="only"><segment><source>The square is closed.</source><target>Der Platz ist gesperrt.</target></segment></unit></file>
        </xliff>
        """

    /// XLIFF 1.2 without a namespace or target language, as older tools write it.
    static let untranslated = """
        <xliff version="1.2"><file source-language="de" original="x" datatype="plaintext"><body>
        <trans-unit id="a"><source>Die Fähre fährt um acht Uhr ab.</source></trans-unit>
        </body></file></xliff>
        """
}
