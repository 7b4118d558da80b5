#!/usr/bin/env bash
# Fuzzes one of the exchange-format readers with libFuzzer and AddressSanitizer for a fixed
# time, starting from the shared samples and broken files of our own.
#   Scripts/fuzz.sh READER [SECONDS]     READER: tmx, tbx or xliff; SECONDS defaults to 60
# Exit 0 when no crash was found; libFuzzer's status and its crash-* file otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
reader="${1:-}"
seconds="${2:-60}"
shared="${DRAGOMAN_SHARED:-../shared}"
root="$PWD"
work="$root/.build-fuzz/$reader"
kit="$root/Sources/DragomanKit"

case "$reader" in
tmx)
    fuzzer="$root"/Scripts/fuzz/FuzzTMX.swift
    sources=("$kit"/Formats/TMX/*.swift "$kit"/Formats/ContentDigest.swift "$kit"/Text/FileError.swift
        "$kit"/Memory/TranslationUnit.swift "$kit"/Text/Language.swift)
    ;;
tbx)
    fuzzer="$root"/Scripts/fuzz/FuzzTBX.swift
    sources=("$kit"/Formats/TBX/*.swift "$kit"/Formats/TMX/XMLEscaping.swift
        "$kit"/Glossary/GlossaryEntry.swift "$kit"/Glossary/GlossaryTerm.swift
        "$kit"/Glossary/GlossaryError.swift "$kit"/Text/Language.swift)
    ;;
xliff)
    fuzzer="$root"/Scripts/fuzz/FuzzXLIFF.swift
    sources=("$kit"/Formats/XLIFF/*.swift "$kit"/Formats/Bilingual/*.swift
        "$kit"/Formats/ContentDigest.swift "$kit"/Formats/TMX/XMLEscaping.swift "$kit"/Text/FileError.swift
        "$kit"/Memory/TranslationUnit.swift "$kit"/Text/Language.swift)
    ;;
*)
    echo "usage: Scripts/fuzz.sh tmx|tbx|xliff [SECONDS]" >&2
    exit 2
    ;;
esac

mkdir -p "$work/corpus"
samples="$shared/data/formats/samples"
case "$reader" in
tmx)
    cp "$samples"/*.tmx "$work/corpus/"
    printf '<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>' \
        > "$work/corpus/truncated.tmx"
    printf '<!DOCTYPE tmx [<!ENTITY a "x">]><tmx>&a;</tmx>' > "$work/corpus/entity.tmx"
    # What the direct scanner reads itself: references, line ends, inline markup, comments.
    printf '<?xml version="1.0" encoding="UTF-8"?>\r\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\r\n'\
'<tmx version="1.4"><header srclang="*all*"><prop type="x-a">b &amp; c</prop><note>n</note>'\
'</header><body><tu tuid="t&#49;" creationdate="20261014T101500Z"><prop type="p">v</prop>'\
'<tuv xml:lang="tr-TR" a="x&#9;y\r\nz"><seg>Vali &quot;İzmir&apos;de&quot;\r\nkonuştu '\
'<bpt i="1">&lt;b&gt;</bpt>bugün<ept i="1"/><ph x="2"></ph><!-- c --><hi>çok</hi>.</seg></tuv>'\
'<tuv xml:lang="de"><prop type="x-dragoman-span">1 5 a.txt</prop><seg>Heute &#x2014; ja.</seg>'\
'</tuv></tu></body></tmx>' > "$work/corpus/direct.tmx"
    ;;
tbx)
    cp "$samples"/*.tbx "$work/corpus/"
    printf '<tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body><conceptEntry id="c1">'\
'<langSec xml:lang="tr"><termSec><term>Vali</term><termNote type="partOfSpeech">noun'\
'</termNote></termSec></langSec></conceptEntry></body></text></tbx>' > "$work/corpus/v3.tbx"
    printf '<martif type="TBX"><text><body><termEntry id="a"><langSet xml:lang="de"><tig>' \
        > "$work/corpus/truncated.tbx"
    printf '<!DOCTYPE martif [<!ENTITY a "x">]><martif>&a;</martif>' > "$work/corpus/entity.tbx"
    ;;
xliff)
    # Our own test files, taken from the string literals of the reader's tests.
    python3 - "$work/corpus" <<'PY'
import re, sys, pathlib
source = pathlib.Path("Tests/DragomanKitTests/Formats/XLIFFFixtures.swift").read_text()
for number, body in enumerate(re.findall(r'"""\n(.*?)\n\s*"""', source, re.S)):
    lines = body.split("\n")
    indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
    text = "\n".join(l[indent:] for l in lines)
    out = pathlib.Path(sys.argv[1]) / f"fixture{number}.xlf"
    out.write_text(text, encoding="utf-8")
    if number == 0:
        (pathlib.Path(sys.argv[1]) / "utf16.xlf").write_bytes(
            b"\xff\xfe" + text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"))
PY
    printf '<xliff version="1.2"><file source-language="en"><body><trans-unit id="1"><source>a' \
        > "$work/corpus/truncated.xlf"
    printf '<!DOCTYPE xliff [<!ENTITY a "x">]><xliff version="2.0" srcLang="en">&a;</xliff>' \
        > "$work/corpus/entity.xlf"
    printf '<xliff version="2.0" srcLang="en"><file id="f"><unit id="u"><ignorable><source> '\
'</source></ignorable><segment><source>a<pc id="1">b<cp hex="D800"/></pc></source></segment>'\
'</unit></file></xliff>' > "$work/corpus/codes.xlf"
    ;;
esac

echo "== compiling the $reader fuzzer (swiftc -sanitize=fuzzer,address)"
# From the work folder, where swiftc leaves the module files it makes beside the binary.
cd "$work"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name DragomanKit \
    -enable-upcoming-feature InternalImportsByDefault \
    -enable-upcoming-feature MemberImportVisibility \
    -I "$root/Sources/CLibXML2" -Xcc -I/usr/include/libxml2 -lxml2 \
    "${sources[@]}" "$fuzzer" -o "$work/fuzz-$reader"

echo "== fuzzing the $reader reader for $seconds s"
"$work/fuzz-$reader" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/" -print_final_stats=1 "$work/corpus"
