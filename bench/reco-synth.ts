// Writes the seeded synthetic next-basket data set used to develop the model where the real ones are missing:
//   npx tsx bench/reco-synth.ts --out /tmp/reco-synth [--seed 42] [--users 4000] [--items 3000] [--profile repeat|sparse]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSyntheticBaskets } from '../core/reco/next-basket/synthetic.ts';

const { values } = parseArgs({ options: {
  out: { type: 'string', default: '/tmp/reco-synth' }, seed: { type: 'string', default: '42' },
  users: { type: 'string', default: '4000' }, items: { type: 'string', default: '3000' }, profile: { type: 'string', default: 'repeat' },
} });
const data = generateSyntheticBaskets({ seed: Number(values.seed), users: Number(values.users), items: Number(values.items),
  profile: values.profile === 'sparse' ? 'sparse' : 'repeat' });
mkdirSync(values.out!, { recursive: true });
const lines: string[] = [];
for (const [user, baskets] of data.histories) {
  for (const basket of baskets) lines.push(JSON.stringify({ user, basket: { items: basket.items, date: new Date(basket.ts!).toISOString() } }));
}
const basketsFile = path.join(values.out!, 'baskets.jsonl');
const usersFile = path.join(values.out!, 'dev_users.json');
writeFileSync(basketsFile, lines.join('\n') + '\n');
writeFileSync(usersFile, JSON.stringify({ dev: data.devUsers }));
console.log(JSON.stringify({ baskets: basketsFile, users: usersFile, shoppers: data.histories.size, basketLines: lines.length, devUsers: data.devUsers.length }));
