"""Builds the French consumer texts of eval/readability from MesConseilsCovid (MIT): its thematic
pages, questions as ## headings, answers unchanged, markup dropped. Usage: run from the
repository root: python eval/readability/build_mesconseilscovid.py GIT_DIR (a clone's .git or a
bare copy of github.com/Delegation-numerique-en-sante/mesconseilscovid)."""
import re
import subprocess
import sys
from pathlib import Path

import yaml

G = sys.argv[1]
def git(*a): return subprocess.run(["git", "--git-dir", G, *a], capture_output=True, text=True, check=True).stdout
commit = git("rev-parse", "HEAD").strip()
files = [f for f in git("ls-tree", "-r", "--name-only", "HEAD", "contenus/thematiques/").split() if re.match(r"contenus/thematiques/\d\d-[^/]+\.md$", f)]
out = Path("eval/readability/texts/fr"); rows = []
for f in files:
    raw = git("show", f"HEAD:{f}")
    slug = Path(f).stem.split("-", 1)[1]
    if slug == "covid-in-france":
        continue  # English page
    lines, body = raw.split("\n"), []
    title = lines[0].lstrip("# ").strip()
    for line in lines[1:]:
        if re.match(r"\s*<", line) and not re.match(r"\s*<p class=\"big\">", line):
            continue  # markup: images, header, div
        line = re.sub(r"</?(p|strong|em|span|a|b|i|sup|sub|br|small|mark|abbr)\b[^>]*>", "", line)
        m = re.match(r"\.\. question::\s*(.*)", line)
        if m:
            body += ["", "## " + m.group(1).strip(), ""]
            continue
        if line.startswith(".. "):
            continue  # other directives
        body.append(line[4:] if line.startswith("    ") else line.rstrip())  # answers are indented by 4
    text = "\n".join(body)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    words = len(re.sub(r"[#*_\[\]()]", " ", text).split())
    if words < 150:
        continue
    tid = f"fr-mesconseilscovid-{slug}"
    front = yaml.safe_dump({"lang": "fr", "type": "consumer-article", "title": title}, allow_unicode=True, sort_keys=False)
    (out / f"{tid}.md").write_text(f"---\n{front}---\n# {title}\n\n{text}\n", encoding="utf-8")
    rows.append({"id": tid, "lang": "fr", "path": f"texts/fr/{tid}.md", "title": title,
                 "source_url": f"https://github.com/Delegation-numerique-en-sante/mesconseilscovid/blob/{commit}/{f}",
                 "licence": "MIT", "attribution": "Délégation ministérielle du numérique en santé, MesConseilsCovid (mesconseilscovid.sante.gouv.fr), page source in the project's repository",
                 "retrieved": "2026-12-04", "genre": "fact-sheet", "group": "consumer", "words": words,
                 "licence_evidence": "LICENSE at the repository root: 'The MIT License (MIT) Copyright (c) 2020 Délégation ministérielle du numérique en santé'"})
manifest = Path("eval/readability/manifest-fr.yaml")
old = yaml.safe_load(manifest.read_text()) or []
old = [e for e in old if not e["id"].startswith("fr-mesconseilscovid-")]
manifest.write_text(yaml.safe_dump(old + rows, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
print(len(rows), [r["words"] for r in rows])
