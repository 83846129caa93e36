#!/usr/bin/env python3
"""Writes THIRD-PARTY-NOTICES.md from the package graph of the analytics tool, or checks that it is up to date.

Usage: python3 .ci/third-party-notices.py [--check]   (after `dotnet restore`)

Every NuGet package whose runtime or native files the tool (src/Zhibiao.Analytics.Cli) carries is listed, read from
the restore's project.assets.json, with its version, licence (the nuspec's SPDX expression; for a licence file or a
licence URL, what that file or URL says), copyright, authors and project URL from its .nuspec in the packages folder.
Packages the tool's project file leaves out of the package (ToolDroppedPackages: build-time Roslyn) and packages
without runtime files (analyzers, build tools) are not redistributed and not listed. Components that are not NuGet
packages (the embedded font) are listed from EXTRA below. --check exits 1 when the file differs from what it writes.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASSETS = os.path.join(ROOT, "src", "Zhibiao.Analytics.Cli", "obj", "project.assets.json")
PROJECT = os.path.join(ROOT, "src", "Zhibiao.Analytics.Cli", "Zhibiao.Analytics.Cli.csproj")
OUT = os.path.join(ROOT, "THIRD-PARTY-NOTICES.md")

EXTRA = [
    ("WenQuanYi Micro Hei (文泉驿微米黑) font", "0.2.0-beta", "Apache-2.0",
     "2008-2009 The WenQuanYi Project Board of Trustees, Qianqian Fang, mozbug; based on Droid fonts, 2006-2008 Google Corporation, Ascender Corp.",
     "http://wenq.org", "embedded in Zhibiao.Analytics.Charts.dll; licence text in licenses/LICENSE-wqy-microhei.txt"),
]

# Licence files and URLs of packages that give no SPDX expression, recognised by their words.
KNOWN_TEXT = [
    (r"MIT License|Permission is hereby granted, free of charge", "MIT"),
    (r"Apache License,?\s+Version 2\.0", "Apache-2.0"),
    (r"Redistribution and use in source and binary forms.*Neither the name", "BSD-3-Clause"),
]
KNOWN_URL = {
    "https://licenses.nuget.org/MIT": "MIT",
    "https://opensource.org/licenses/MIT": "MIT",
    "http://opensource.org/licenses/MIT": "MIT",
    "https://github.com/dotnet/corefx/blob/master/LICENSE.TXT": "MIT",
    "https://www.apache.org/licenses/LICENSE-2.0": "Apache-2.0",
    "http://www.apache.org/licenses/LICENSE-2.0": "Apache-2.0",
    "https://github.com/MiloszKrajewski/K4os.Compression.LZ4/blob/master/LICENSE?raw=true": "MIT (the package's licence URL)",
}


def dropped_packages():
    text = open(PROJECT, encoding="utf-8").read()
    m = re.search(r"<ToolDroppedPackages>(.*?)</ToolDroppedPackages>", text, re.S)
    return [p.strip() for p in m.group(1).split(";") if p.strip()] if m else []


def is_dropped(name, patterns):
    return any(re.fullmatch(p.replace(".", r"\.").replace("*", ".*"), name, re.I) for p in patterns)


def nuspec_of(folder):
    for f in os.listdir(folder):
        if f.endswith(".nuspec"):
            return os.path.join(folder, f)
    return None


def licence(meta, folder):
    lic = meta.find("license")
    if lic is not None and lic.get("type") == "expression":
        return lic.text.strip()
    if lic is not None and lic.get("type") == "file":
        path = os.path.join(folder, lic.text.strip())
        if os.path.exists(path):
            words = open(path, encoding="utf-8", errors="replace").read()
            for pattern, spdx in KNOWN_TEXT:
                if re.search(pattern, words, re.S | re.I):
                    return spdx + f" (licence file {lic.text.strip()} in the package)"
        return f"see {lic.text.strip()} in the package"
    url = (meta.findtext("licenseUrl") or "").strip()
    return KNOWN_URL.get(url, url or "not stated")


def main():
    assets = json.load(open(ASSETS, encoding="utf-8"))
    folders = list(assets["packageFolders"].keys())
    target = assets["targets"]["net10.0"]
    drop = dropped_packages()
    rows = []
    for key, lib in sorted(target.items(), key=lambda kv: kv[0].lower()):
        if lib.get("type") != "package":
            continue
        name, version = key.split("/")
        files = [f for section in ("runtime", "native", "runtimeTargets") for f in lib.get(section, {})]
        if not any(not f.endswith("/_._") for f in files) or is_dropped(name, drop):
            continue
        folder = next(os.path.join(p, name.lower(), version.lower()) for p in folders
                      if os.path.isdir(os.path.join(p, name.lower(), version.lower())))
        root = ET.parse(nuspec_of(folder)).getroot()
        ns = {"n": root.tag.split("}")[0].strip("{")} if root.tag.startswith("{") else {}
        meta = root.find("n:metadata", ns) if ns else root.find("metadata")
        strip = lambda e: e.tag.split("}")[-1]
        for e in meta.iter():
            e.tag = strip(e)
        rows.append((name, version, licence(meta, folder), (meta.findtext("copyright") or "").strip(),
                     (meta.findtext("projectUrl") or "").strip(), (meta.findtext("authors") or "").strip()))

    out = ["# Third-party notices", "",
           "The `analytics` tool (package Zhibiao.Analytics.Cli) redistributes the components below; the library packages",
           "reference theirs as NuGet dependencies, and Zhibiao.Analytics.Charts embeds the font. Generated from the tool's",
           "package graph by `python3 .ci/third-party-notices.py` (CI checks it with `--check`); each licence's full text is",
           "in its package or at its project's address.", "",
           "| component | version | licence | copyright | project |", "|---|---|---|---|---|"]
    cell = lambda s: s.replace("|", "\\|").replace("\n", " ")
    for name, version, lic, copyright_, url, authors in rows:
        out.append(f"| {cell(name)} | {version} | {cell(lic)} | {cell(copyright_ or authors)} | {cell(url)} |")
    for name, version, lic, copyright_, url, note in EXTRA:
        out.append(f"| {cell(name)} ({cell(note)}) | {version} | {lic} | {cell(copyright_)} | {url} |")
    text = "\n".join(out) + "\n"
    if "--check" in sys.argv:
        current = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if current != text:
            print("THIRD-PARTY-NOTICES.md is out of date: run python3 .ci/third-party-notices.py", file=sys.stderr)
            return 1
        print(f"THIRD-PARTY-NOTICES.md lists {len(rows) + len(EXTRA)} components and is up to date")
        return 0
    open(OUT, "w", encoding="utf-8").write(text)
    print(f"wrote {OUT}: {len(rows) + len(EXTRA)} components")
    return 0


if __name__ == "__main__":
    sys.exit(main())
