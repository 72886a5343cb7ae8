// Repairs UTF-8 text that was once decoded as Windows-1252 (three Latin-1 characters for "’", four for
// an emoji), and only that: a run is replaced when its characters map back to bytes that form one valid UTF-8 sequence.
// Correct text such as "naïve", "São Paulo" or "Zürich" never forms such a run, so it is left alone.

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. (Node's TextDecoder("windows-1252") decodes
// as Latin-1, so the table is spelled out.) Its five undefined bytes come through as C1 controls.
const cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const toByte = new Map<string, number>();
for (let byte = 0xa0; byte <= 0xff; byte++) toByte.set(String.fromCharCode(byte), byte);
Array.from(cp1252High).forEach((char, i) => toByte.set(char, 0x80 + i));

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

export function repairMojibake(text: string): { text: string; repaired: number } {
  const chars = Array.from(text);
  let out = "";
  let repaired = 0;
  for (let i = 0; i < chars.length; i++) {
    const lead = toByte.get(chars[i]!);
    const length = lead === undefined ? 0 : sequenceLength(lead);
    if (length) {
      const bytes = [lead!];
      for (let k = 1; k < length; k++) {
        const next = toByte.get(chars[i + k] ?? "");
        if (next === undefined || next < 0x80 || next > 0xbf) break;
        bytes.push(next);
      }
      if (bytes.length === length) {
        try {
          out += strictUtf8.decode(new Uint8Array(bytes));
          i += length - 1;
          repaired++;
          continue;
        } catch {
          // not a UTF-8 sequence after all: keep the characters as they are
        }
      }
    }
    out += chars[i];
  }
  return { text: out, repaired };
}
