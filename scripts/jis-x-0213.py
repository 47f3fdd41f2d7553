# Writes test/fixtures/jis-x-0213.txt: every character of JIS X 0213:2004 (planes 1 and 2),
# one per line (25 of them are sequences of two code points), decoded with Python's
# euc_jis_2004 codec. Run: /usr/bin/python3 scripts/jis-x-0213.py > test/fixtures/jis-x-0213.txt
import sys

seen = []
known = set()


def add(ch):
    if ch not in known:
        known.add(ch)
        seen.append(ch)


for a in range(0xA1, 0xFF):
    for b in range(0xA1, 0xFF):
        try:
            add(bytes([a, b]).decode("euc_jis_2004"))
        except UnicodeDecodeError:
            pass
# Plane 2 has only these rows; the codec decodes JIS X 0212 in the others.
for row in [1, 3, 4, 5, 8, 12, 13, 14, 15] + list(range(78, 95)):
    for b in range(0xA1, 0xFF):
        try:
            add(bytes([0x8F, row + 0xA0, b]).decode("euc_jis_2004"))
        except UnicodeDecodeError:
            pass
sys.stdout.write("\n".join(seen) + "\n")
