import sys, glob
LABELS = ["CONDEMNATION","TERRITORIAL_INTEGRITY","CALL_FOR_DIALOGUE","CEASEFIRE_CALL","MEDIATION_OFFER",
          "ACKNOWLEDGES_CONCERNS","SANCTIONS_PRESSURE","HUMANITARIAN_CONCERN","PROGRESS_OPTIMISM","MILITARY_SUPPORT"]
first_dir, second = sys.argv[1], sys.argv[2]
first = {}
for f in glob.glob(first_dir + '/*.tsv'):
    if f.endswith('splits.tsv'): continue
    for line in open(f, encoding='utf-8').read().rstrip('\n').split('\n')[1:]:
        c = line.split('\t'); first[c[0]] = set(x for x in c[2].split(',') if x)
sec = {}
for line in open(second, encoding='utf-8').read().rstrip('\n').split('\n')[1:]:
    c = line.split('\t'); sec[c[0]] = set(x for x in (c[1] if len(c) > 1 else '').split(',') if x)
ids = list(sec)
print(f"| label | both | first only | second only | neither | agreement | Cohen's kappa |")
print("|---|---:|---:|---:|---:|---:|---:|")
ks = []
for l in LABELS:
    a = sum(1 for i in ids if l in first[i] and l in sec[i]); b = sum(1 for i in ids if l in first[i] and l not in sec[i])
    c = sum(1 for i in ids if l not in first[i] and l in sec[i]); d = len(ids) - a - b - c
    n = len(ids); po = (a + d) / n; p1 = (a + b) / n; p2 = (a + c) / n; pe = p1 * p2 + (1 - p1) * (1 - p2)
    k = (po - pe) / (1 - pe) if pe < 1 else 1.0; ks.append(k)
    print(f"| {l} | {a} | {b} | {c} | {d} | {po:.3f} | {k:.3f} |")
exact = sum(1 for i in ids if first[i] == sec[i]) / len(ids)
print(f"\nsentences {len(ids)}; mean kappa {sum(ks)/len(ks):.3f}; exact label-set agreement {exact:.3f}")
dis = [i for i in ids if first[i] != sec[i]]
print(f"disagreements: {len(dis)}")
if len(sys.argv) > 3:
    with open(sys.argv[3], 'w', encoding='utf-8') as o:
        o.write("id\tfirst\tsecond\n")
        for i in dis: o.write(f"{i}\t{','.join(sorted(first[i]))}\t{','.join(sorted(sec[i]))}\n")
