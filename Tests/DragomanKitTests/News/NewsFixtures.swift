/// Small pages written for the reader's tests.
enum NewsFixtures {
    /// A municipal news page with everything a real one puts around its article.
    static let englishPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>New Tram Line Opens in Karşıyaka | Example City Council</title>
        <meta property="og:title" content="New Tram Line Opens in Karşıyaka">
        <meta property="og:site_name" content="Example City Council">
        <link rel="canonical" href="https://www.example.gov/en/news/new-tram-line">
        <style>.share { color: red; }</style>
        <script>var menu = "Home";</script>
        </head>
        <body>
        <header class="site-header">
          <a href="/" class="logo"><img src="logo.png" alt="Council logo"> Example City Council</a>
          <ul class="social-links"><li><a href="https://facebook.com/x">Facebook</a></li>
          <li><a href="https://x.com/x">X</a></li></ul>
        </header>
        <nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
        <li><a href="/culture">Culture &amp; Arts</a></li></ul></nav>
        <div class="weather-widget"><span>30°</span> Sunny</div>
        <ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/news">All News</a></li></ol>
        <main>
        <article>
          <header class="article-header">
            <h1>New Tram Line Opens in Karşıyaka</h1>
            <time datetime="2026-10-14T09:30:00+03:00">14 October 2026</time>
          </header>
          <div class="share-buttons"><button>Share</button> <a href="#">Tweet</a></div>
          <p>The new tram line between Karşıyaka and Bornova was opened on Tuesday with a
          ceremony at the Alaybey stop. The line is 12.4 kilometres long and has 19 stops.</p>
          <p>Mayor Deniz Aksoy said: &ldquo;Clean transport is the backbone of a liveable
          city.&rdquo; The trams will run every six minutes at peak hours.<br>Tickets cost
          the same as on buses &amp; ferries.</p>
          <h2>Connections to the ferry</h2>
          <p>Passengers can change to the ferry at the Karşıyaka pier, which is a two-minute
          walk from the new Pier stop. M&uuml;ller &amp; Partners designed the stations.</p>
          <p>The council expects 45,000 passengers a day in the first year.</p>
        </article>
        </main>
        <div class="news-nav"><a href="/news/1">Previous News</a> <a href="/news/3">Next News</a></div>
        <section class="related-news"><h3>Related News</h3>
        <ul><li><a href="/news/9">Ferry timetable changes for the winter season</a>
        <time datetime="2026-09-01">1 September 2026</time></li>
        <li><a href="/news/8">Cycle paths extended to the bay</a></li></ul></section>
        <footer><p>© 2026 Example City Council. All rights reserved.</p>
        <p>Address: Cumhuriyet Bulvarı No. 1, İzmir. Phone: +90 232 000 00 00.</p></footer>
        </body>
        </html>
        """

    static let englishParagraphs = [
        "The new tram line between Karşıyaka and Bornova was opened on Tuesday with a "
            + "ceremony at the Alaybey stop. The line is 12.4 kilometres long and has 19 stops.",
        "Mayor Deniz Aksoy said: \u{201C}Clean transport is the backbone of a liveable city."
            + "\u{201D} The trams will run every six minutes at peak hours. Tickets cost the same"
            + " as on buses & ferries.",
        "Connections to the ferry",
        "Passengers can change to the ferry at the Karşıyaka pier, which is a two-minute walk "
            + "from the new Pier stop. Müller & Partners designed the stations.",
        "The council expects 45,000 passengers a day in the first year.",
    ]
}

extension NewsFixtures {
    /// A Turkish page: date only in `article:published_time`, numeric entities, a page title
    /// with the site's name and no `<h1>`.
    static let turkishPage = """
        <html><head>
        <title>Kent Ormanına 1.250 Fidan | İzmir Büyükşehir Belediyesi</title>
        <meta property="article:published_time" content="2026-11-02T08:00:00+03:00">
        <meta property="og:url" content="https://www.example.gov/tr/haber/kent-ormani">
        </head><body>
        <div id="mainMenu"><a href="/">Ana Sayfa</a> <a href="/haberler">Tüm Haberler</a></div>
        <div class="content">
        <p>&#304;zmir Büyükşehir Belediyesi, Bornova'daki kent ormanına 1.250 fidan dikti. Dikim etkinliğine 300 gönüllü katıldı.</p>
        <p>Park ve Bahçeler Dairesi Başkanı Doç. Dr. Selin Arıkan, fidanların %15'inin meyve ağacı olduğunu söyledi. Arıkan, “Her fidan İzmir'in geleceğine bir yatırımdır.” dedi.</p>
        </div>
        <div class="social-share"><a href="#">Paylaş</a></div>
        </body></html>
        """

    /// A German page whose date is only written in the text, under the headline.
    static let germanPage = """
        <html><body>
        <nav><a href="/">Startseite</a> | <a href="/aktuelles">Alle Nachrichten</a></nav>
        <h1>Neue Stadtbibliothek in Bergkamen eröffnet</h1>
        <p class="dateline">Bergkamen, 14. Oktober 2026</p>
        <p>Die neue Stadtbibliothek am Rathausplatz ist am 3. Oktober eröffnet worden. Sie bietet
        auf zwei Etagen Platz für 40.000 Medien und einen Lesesaal mit 120 Plätzen.</p>
        <p>Bürgermeisterin Anna Becker sagte: „Eine Bibliothek ist das Wohnzimmer der Stadt.“
        Die Öffnungszeiten wurden um 15 % verlängert.</p>
        <footer>Impressum | Datenschutz</footer>
        </body></html>
        """

    /// An English page with the date written as "October 14, 2026" and no markup for it.
    static let englishDatelinePage = """
        <html><body>
        <h1>Sister Cities Meet Online</h1>
        <p>Published October 14, 2026</p>
        <p>Mayors from eleven cities met online on Wednesday to plan joint climate projects for the coming year.</p>
        <p>The next meeting will be held in Bremen in the spring.</p>
        </body></html>
        """

    /// Unclosed paragraphs, list items and a stray end tag.
    static let malformedPage = """
        <html><body><div class="menu"><ul><li><a href="/">Home<li><a href="/news">News</ul></div>
        <div><h1>Festival Opens on the Seafront
        <p>The International Street Theatre Festival opened on the seafront on Friday evening.
        <p>More than 200 artists from 14 countries will perform until Sunday.</b>
        <p>Admission to all shows is free.
        </body>
        """
}
