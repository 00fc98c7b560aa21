// Where cargo keeps the jieba-rs sources this build uses (its data/ holds jieba's dict.txt), for
// the tools that compare against jieba's own dictionary: `node scripts/jieba-source.mjs dict.txt`
// prints that file's path.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function jiebaDataFile(name) {
  const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1'], { cwd: root, encoding: 'utf8' }));
  const jieba = metadata.packages.find((p) => p.name === 'jieba-rs');
  return join(dirname(jieba.manifest_path), 'src/data', name);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(jiebaDataFile(process.argv[2]));
