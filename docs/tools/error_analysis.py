#!/usr/bin/env python3
"""Per-label errors of a model on a gold TSV (columns id, text, labels[, ...]).

usage: ./stance classify --model MODEL --format jsonl < <(cut -f2 GOLD.tsv | tail -n +2) > pred.jsonl
       python3 docs/tools/error_analysis.py GOLD.tsv pred.jsonl [examples_per_kind]
Prints, per label: false positives split by what the sentence really carries (no label / other labels),
false negatives split by what was predicted instead, and a few sentences of each kind (cut to 160 chars)."""
import json, sys, collections
gold_path, pred_path = sys.argv[1], sys.argv[2]
k = int(sys.argv[3]) if len(sys.argv) > 3 else 3
rows = [l.rstrip('\n').split('\t') for l in open(gold_path, encoding='utf-8')][1:]
preds = [json.loads(l) for l in open(pred_path, encoding='utf-8')]
assert len(rows) == len(preds), (len(rows), len(preds))
labels = list(preds[0]['scores'].keys())
def cut(s): return s if len(s) <= 160 else s[:157] + '...'
print('| label | gold | predicted | false positives | of which on no-label sentences | false negatives |')
print('|---|---:|---:|---:|---:|---:|')
detail = []
for lab in labels:
    fp, fn, g, p = [], [], 0, 0
    for r, q in zip(rows, preds):
        gold = set(x for x in r[2].split(',') if x)
        pred = set(q['labels'])
        g += lab in gold; p += lab in pred
        if lab in pred and lab not in gold: fp.append((r, gold, pred, q['scores'][lab]))
        if lab in gold and lab not in pred: fn.append((r, gold, pred, q['scores'][lab]))
    print(f'| {lab} | {g} | {p} | {len(fp)} | {sum(1 for x in fp if not x[1])} | {len(fn)} |')
    conf = collections.Counter(','.join(sorted(x[1])) or '(none)' for x in fp)
    detail.append(f'\n### {lab}\n\nFalse positives by gold labels: ' + ', '.join(f'{c} {n}' for c, n in conf.most_common(5)))
    for r, gold, pred, s in sorted(fp, key=lambda x: -x[3])[:k]:
        detail.append(f'- FP {s:.2f} (gold: {",".join(sorted(gold)) or "none"}): "{cut(r[1])}"')
    for r, gold, pred, s in sorted(fn, key=lambda x: x[3])[:k]:
        detail.append(f'- FN {s:.2f} (predicted: {",".join(sorted(pred)) or "none"}): "{cut(r[1])}"')
print('\n'.join(detail))
