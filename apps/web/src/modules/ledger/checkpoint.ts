/** The fields of a C2SP tlog-checkpoint, read from the signed note the server publishes. */
export type ParsedCheckpoint = {
  origin: string;
  size: number;
  /** base64 of the 32-byte root hash. */
  root: string;
  /** The signature lines (each starts with an em dash). */
  signatures: string[];
};

/** Parses a signed checkpoint note; throws naming what is malformed. */
export const parseCheckpoint = (note: string): ParsedCheckpoint => {
  const split = note.indexOf('\n\n');
  if (split < 0) throw new Error('checkpoint: no blank line before the signatures');
  const [origin, sizeLine, root] = note.slice(0, split).split('\n');
  if (!origin || !sizeLine || !root) throw new Error('checkpoint: expected origin, size and root lines');
  if (!/^(0|[1-9]\d*)$/.test(sizeLine)) throw new Error(`checkpoint: bad tree size ${sizeLine}`);
  const signatures = note
    .slice(split + 2)
    .split('\n')
    .filter((line) => line.startsWith('\u2014 '));
  return { origin, size: Number(sizeLine), root, signatures };
};
