import { ValidationError } from '../../errors.ts';
import type { Basket, BasketHistories } from './basket-data.ts';
import { distinctItems, itemIdOf, parseTimestamp, sortHistories } from './basket-data.ts';
import { parseCsv } from './csv.ts';

const USER_KEYS = ['user', 'user_id', 'userid', 'customer', 'customer_id', 'customerid', 'shopper', 'shopper_id',
  'shopperid', 'member_id', 'client_id', 'uid'];
const BASKET_KEYS = ['basket', 'basket_id', 'basketid', 'order', 'order_id', 'orderid', 'order_number',
  'ordernumber', 'invoice', 'invoiceno', 'invoice_no', 'transaction', 'transaction_id', 'transactionid', 'receipt'];
const ITEM_KEYS = ['item', 'item_id', 'itemid', 'product', 'product_id', 'productid', 'material_number',
  'stockcode', 'stock_code', 'sku', 'article'];
const TIME_KEYS = ['ts', 'date', 'time', 'timestamp', 'datetime', 'invoicedate', 'invoice_date', 'order_date',
  'transaction_dt', 'transaction_date', 'day'];
const QUANTITY_KEYS = ['quantity', 'qty', 'amount'];

function findKey(keys: readonly string[], wanted: readonly string[]): string | undefined {
  const normalized = new Map(keys.map((key) => [key.toLowerCase().replace(/[\s-]/g, '_'), key]));
  for (const name of wanted) {
    const hit = normalized.get(name);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function timeOf(record: Record<string, unknown>): number | undefined {
  const key = findKey(Object.keys(record), TIME_KEYS);
  return key === undefined ? undefined : parseTimestamp(record[key]);
}

/** Collects rows of one item each into baskets keyed by (user, basket id or date). */
class RowAccumulator {
  private readonly baskets = new Map<string, { user: string; items: Set<string>; ts?: number }>();

  add(user: string, basketKey: string, item: string, ts: number | undefined): void {
    const key = `${user}\u0000${basketKey}`;
    let basket = this.baskets.get(key);
    if (!basket) {
      basket = { user, items: new Set(), ts };
      this.baskets.set(key, basket);
    }
    basket.items.add(item);
    if (ts !== undefined && (basket.ts === undefined || ts < basket.ts)) basket.ts = ts;
  }

  into(histories: BasketHistories): void {
    for (const basket of this.baskets.values()) {
      pushBasket(histories, basket.user, { items: [...basket.items], ts: basket.ts });
    }
  }
}

function pushBasket(histories: BasketHistories, user: string, basket: Basket): void {
  if (basket.items.length === 0) return;
  const list = histories.get(user);
  if (list) list.push(basket);
  else histories.set(user, [basket]);
}

function basketFrom(value: unknown, fallbackTs?: number): Basket | undefined {
  if (Array.isArray(value)) return { items: distinctItems(value), ts: fallbackTs };
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const items = record.items ?? record.products ?? record.basket;
    if (!Array.isArray(items)) return undefined;
    return { items: distinctItems(items), ts: timeOf(record) ?? fallbackTs };
  }
  return undefined;
}

/** Reads one JSON record (a JSONL line or an array element) of any known shape into the histories. */
function addRecord(record: unknown, histories: BasketHistories, rows: RowAccumulator, where: string): void {
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new ValidationError(`${where}: expected a JSON object`);
  }
  const fields = record as Record<string, unknown>;
  const keys = Object.keys(fields);
  const userKey = findKey(keys, USER_KEYS);
  const user = userKey === undefined ? undefined : itemIdOf(fields[userKey]);
  if (user === undefined) throw new ValidationError(`${where}: no user field (one of ${USER_KEYS.join(', ')})`);
  if (Array.isArray(fields.baskets)) {
    for (const entry of fields.baskets) {
      const basket = basketFrom(entry);
      if (!basket) throw new ValidationError(`${where}: a basket must be a list of items or {"items": [...]}`);
      pushBasket(histories, user, basket);
    }
    if (fields.baskets.length === 0) histories.set(user, histories.get(user) ?? []);
    return;
  }
  const nested = fields.basket;
  if (nested && typeof nested === 'object') {
    const basket = basketFrom(nested, timeOf(fields));
    if (!basket) throw new ValidationError(`${where}: "basket" must be a list of items or {"items": [...]}`);
    pushBasket(histories, user, basket);
    return;
  }
  if (Array.isArray(fields.items)) {
    pushBasket(histories, user, { items: distinctItems(fields.items), ts: timeOf(fields) });
    return;
  }
  const itemKey = findKey(keys, ITEM_KEYS);
  if (itemKey !== undefined && itemIdOf(fields[itemKey]) !== undefined) {
    addRow(fields, keys, user, itemKey, rows, where);
    return;
  }
  throw new ValidationError(`${where}: unknown record shape; expected "basket", "items", "baskets" or an item field`);
}

function addRow(fields: Record<string, unknown>, keys: string[], user: string, itemKey: string,
  rows: RowAccumulator, where: string): void {
  const quantityKey = findKey(keys, QUANTITY_KEYS);
  if (quantityKey !== undefined && Number(fields[quantityKey]) <= 0) return; // returns and cancellations
  const basketKey = findKey(keys, BASKET_KEYS);
  const ts = timeOf(fields);
  const basketId = basketKey === undefined ? undefined : itemIdOf(fields[basketKey]);
  const timeKey = findKey(keys, TIME_KEYS);
  const group = basketId ?? (timeKey === undefined ? undefined : String(fields[timeKey]));
  if (group === undefined) throw new ValidationError(`${where}: item rows need a basket/order id or a date column`);
  rows.add(user, group, itemIdOf(fields[itemKey])!, ts);
}

function parseJsonLines(text: string): BasketHistories {
  const histories: BasketHistories = new Map();
  const rows = new RowAccumulator();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new ValidationError(`line ${index + 1}: not JSON`, { cause: error });
    }
    addRecord(record, histories, rows, `line ${index + 1}`);
  });
  rows.into(histories);
  return histories;
}

function parseJsonDocument(document: unknown): BasketHistories {
  const histories: BasketHistories = new Map();
  const rows = new RowAccumulator();
  if (Array.isArray(document)) {
    document.forEach((record, index) => addRecord(record, histories, rows, `element ${index}`));
  } else if (document && typeof document === 'object') {
    const fields = document as Record<string, unknown>;
    const list = fields.users ?? fields.baskets ?? fields.data;
    if (Array.isArray(list)) {
      list.forEach((record, index) => addRecord(record, histories, rows, `element ${index}`));
    } else {
      // { "<user>": [[items], [items]] } or { "<user>": [{ "items": [...] }] }
      for (const [user, baskets] of Object.entries(fields)) {
        if (!Array.isArray(baskets)) throw new ValidationError(`user ${user}: expected a list of baskets`);
        for (const entry of baskets) {
          const basket = basketFrom(entry);
          if (!basket) throw new ValidationError(`user ${user}: a basket must be a list of items or {"items": [...]}`);
          pushBasket(histories, user, basket);
        }
      }
    }
  } else {
    throw new ValidationError('expected a JSON array or object of baskets');
  }
  rows.into(histories);
  return histories;
}

function isUserMap(document: Record<string, unknown>): boolean {
  const values = Object.values(document);
  return values.length > 0 && values.every(Array.isArray);
}

function parseCsvBaskets(text: string): BasketHistories {
  const table = parseCsv(text);
  const header = table.header;
  const userKey = findKey(header, USER_KEYS);
  const itemKey = findKey(header, ITEM_KEYS);
  if (userKey === undefined || itemKey === undefined) {
    throw new ValidationError(`CSV header [${header.join(', ')}] needs a user column (${USER_KEYS.slice(0, 6).join('/')}`
      + `...) and an item column (${ITEM_KEYS.slice(0, 6).join('/')}...)`);
  }
  if (findKey(header, BASKET_KEYS) === undefined && findKey(header, TIME_KEYS) === undefined) {
    throw new ValidationError(`CSV header [${header.join(', ')}] needs a basket/order id column or a date column`);
  }
  const histories: BasketHistories = new Map();
  const rows = new RowAccumulator();
  table.rows.forEach((row, index) => {
    const fields = Object.fromEntries(header.map((name, column) => [name, row[column]]));
    const user = itemIdOf(fields[userKey]);
    if (user === undefined || itemIdOf(fields[itemKey]) === undefined) return; // anonymous rows (Online Retail)
    addRow(fields, header, user, itemKey, rows, `CSV row ${index + 2}`);
  });
  rows.into(histories);
  return histories;
}

/**
 * Parses a basket file of any supported shape, detected from its content:
 * JSONL of one basket per line (`{"user", "basket": {"items", "ts"|"date"}}` or `{"user", "items", ...}`),
 * JSONL of one user per line (`{"user", "baskets": [...]}`), JSONL or CSV of one item per row with a user,
 * basket/order id and/or date column, a JSON array of such records, or a JSON object `{user: [[items], ...]}`.
 * Throws ValidationError naming what it expected when the shape is unknown.
 */
export function parseBaskets(text: string): BasketHistories {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') throw new ValidationError('the basket file is empty');
  let histories: BasketHistories;
  if (trimmed.startsWith('[')) histories = parseJsonDocument(JSON.parse(trimmed));
  else if (trimmed.startsWith('{')) {
    const firstLine = trimmed.split(/\r?\n/, 1)[0]!;
    let lineIsRecord: boolean;
    try {
      const first = JSON.parse(firstLine) as Record<string, unknown>;
      // A one-line document such as {"<user>": [[items]]} has no user field: read it as a whole.
      lineIsRecord = findKey(Object.keys(first), USER_KEYS) !== undefined || !isUserMap(first);
    } catch { lineIsRecord = false; }
    histories = lineIsRecord ? parseJsonLines(trimmed) : parseJsonDocument(JSON.parse(trimmed));
  } else histories = parseCsvBaskets(trimmed);
  if (histories.size === 0) throw new ValidationError('no baskets found in the file');
  return sortHistories(histories);
}

/** Parses a users file: `{"dev": [...]}` (or `{"users": [...]}`, or a plain list) into user ids. */
export function parseUserList(text: string, key = 'dev'): string[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ValidationError('the users file is not JSON', { cause: error });
  }
  const list = Array.isArray(document) ? document
    : (document as Record<string, unknown> | null)?.[key] ?? (document as Record<string, unknown> | null)?.users;
  if (!Array.isArray(list)) throw new ValidationError(`the users file must be {"${key}": [user ids]}`);
  return list.map((value) => {
    const id = itemIdOf(value);
    if (id === undefined) throw new ValidationError('the users file lists a user that is not a string or number');
    return id;
  });
}

/** Parses held-out targets: JSONL `{"user", "basket": {"items": [...]}}` (also `{"user", "items"}`). */
export function parseHeldout(text: string): Map<string, Basket> {
  const parsed = parseJsonLinesOnly(text);
  const targets = new Map<string, Basket>();
  for (const [user, baskets] of parsed) if (baskets[0] && !targets.has(user)) targets.set(user, baskets[0]);
  return targets;
}

function parseJsonLinesOnly(text: string): BasketHistories {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed.startsWith('{')) throw new ValidationError('the held-out file must be JSONL of {"user", "basket"}');
  return parseJsonLines(trimmed);
}
