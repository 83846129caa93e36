#!/usr/bin/env python3
"""Checks the links of the built docs site and of README.md, without the network.

Usage: python3 .ci/check-links.py SITE_DIR [MARKDOWN...]

- In every HTML file under SITE_DIR: each href/src that is not external (http:, https:, mailto:, data:, javascript:,
  //host) must name a file of the site, and a #fragment must be an id (or a name) in that file.
- In each MARKDOWN file (README.md): each relative link [text](path#fragment) must name a file of the repository; a
  fragment of a link to a .md file must be the GitHub anchor of one of its headings.
Prints each broken link with where it is, and exits 1 if there is any.
"""
import html.parser
import os
import re
import sys
import urllib.parse

EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id",) or (name == "name" and tag == "a"):
                self.ids.add(value)
            if (name == "href" and tag in ("a", "link", "area")) or (name == "src" and tag in ("img", "script", "iframe", "source")):
                self.links.append((self.getpos()[0], value))


def parse(path, cache={}):
    if path not in cache:
        page = Page()
        with open(path, encoding="utf-8", errors="replace") as f:
            page.feed(f.read())
        cache[path] = page
    return cache[path]


def check_site(site):
    broken = []
    count = 0
    for root, _, files in os.walk(site):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(root, name)
            for line, link in parse(path).links:
                if not link or EXTERNAL.match(link):
                    continue
                count += 1
                target, _, fragment = link.partition("#")
                target = urllib.parse.unquote(target.split("?")[0])
                target_path = os.path.normpath(os.path.join(root, target)) if target else path
                if os.path.isdir(target_path):
                    target_path = os.path.join(target_path, "index.html")
                where = f"{os.path.relpath(path, site)}:{line}"
                if not os.path.isfile(target_path):
                    broken.append(f"{where}: {link}: no such file")
                elif fragment and target_path.endswith(".html"):
                    if urllib.parse.unquote(fragment) not in parse(target_path).ids:
                        broken.append(f"{where}: {link}: no element with id '{fragment}'")
    return count, broken


def github_anchor(heading):
    text = re.sub(r"[`*_]|\[|\]\([^)]*\)", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def check_markdown(path):
    broken = []
    count = 0
    base = os.path.dirname(os.path.abspath(path))
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    in_code = False
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        for link in re.findall(r"\]\(([^)\s]+)\)", re.sub(r"`[^`]*`", "", line)):
            if EXTERNAL.match(link):
                continue
            count += 1
            target, _, fragment = link.partition("#")
            target_path = os.path.normpath(os.path.join(base, urllib.parse.unquote(target))) if target else os.path.abspath(path)
            if not os.path.exists(target_path):
                broken.append(f"{path}:{number}: {link}: no such file")
            elif fragment and target_path.endswith(".md"):
                with open(target_path, encoding="utf-8") as f:
                    anchors = {github_anchor(h[1]) for h in re.findall(r"^(#+) (.*)$", f.read(), re.MULTILINE)}
                if fragment not in anchors:
                    broken.append(f"{path}:{number}: {link}: no heading with anchor '{fragment}'")
    return count, broken


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    count, broken = check_site(sys.argv[1])
    for md in sys.argv[2:]:
        c, b = check_markdown(md)
        count += c
        broken += b
    for line in broken:
        print(f"broken link: {line}")
    print(f"{count} internal links checked, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
