// The picture of a product card: catalog items have no photos, so a card shows a colour tile with a pictogram of
// the kind of product, chosen from its catalog category path (or, without one, a shopping bag in the service's tint).
// Everything is drawn here as inline SVG: no image files, no network.

/**
 * Kinds by the words of a category level (catalog shelves are Russian). The deepest level that names a kind wins,
 * so "Электроника/Наушники" is headphones, and "Электроника/Аксессуары" falls back to electronics.
 */
const KINDS = [
  ['phone', /смартфон|телефон|планшет/i],
  ['headphones', /наушник|колонк|аудио/i],
  ['laptop', /ноутбук|компьютер/i],
  ['screen', /телевизор|консол|монитор/i],
  ['watch', /часы|браслет/i],
  ['appliance', /бытовая техника|техника для кухни|чайник|пылесос/i],
  ['electronics', /электроник|аксессуар|умный дом|зарядк|кабел/i],
  ['sport', /спорт|протеин|изотоник|аминокислот|креатин/i],
  ['plant', /растительн|тофу|хумус|здоровое питание|веган/i],
  ['dairy', /молоч|молоко|сыр|йогурт|кефир|творог|сметан|сливочное/i],
  ['bread', /хлеб|выпечк/i],
  ['produce', /овощ|фрукт|зелень|ягод/i],
  ['fish', /рыб|морепродукт|суши/i],
  ['meat', /мясо|куриц|индейк|колбас|сосиск|ветчин|говядин|свинин|птиц/i],
  ['frozen', /заморож|пельмен|мороженое/i],
  ['wine', /алкогол|вино|пиво|сидр|крепк/i],
  ['drink', /напит|вода|газировк|сок|морс|кофе|чай|энергетик/i],
  ['sweets', /сладост|шоколад|печенье|десерт|конфет/i],
  ['snack', /снек|чипс|орех|сухарик|попкорн|батончик/i],
  ['meal', /готовая еда|пицц|салат|суп|боул|горяч|сэндвич|завтрак|блюд/i],
  ['pantry', /бакале|круп|макарон|консерв|специ|мука|масло и соусы/i],
  ['pet', /зоотовар|корм|наполнител|лакомств/i],
  ['baby', /детск|подгузник|коляск|малыш|игрушк/i],
  ['health', /аптек|здоровье|витамин|медтехник|простуд|обезболива|перевязоч|желуд|гигиена полости/i],
  ['home', /дом|бытовая химия|уборк|гигиен|текстил|посуд|освещени/i],
];

// 24x24 line drawings (stroke = currentColor), written for this widget.
const ICONS = {
  phone: '<rect x="7" y="2.5" width="10" height="19" rx="2"/><path d="M11 18.5h2"/>',
  headphones: '<path d="M4 15v-3a8 8 0 0 1 16 0v3"/><rect x="3" y="14" width="4" height="6.5" rx="1.5"/><rect x="17" y="14" width="4" height="6.5" rx="1.5"/>',
  laptop: '<rect x="4.5" y="5" width="15" height="10.5" rx="1.5"/><path d="M2.5 19h19"/>',
  screen: '<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M12 16v4M8.5 20h7"/>',
  watch: '<rect x="7" y="6.5" width="10" height="11" rx="3"/><path d="M9 6.5V3h6v3.5M9 17.5V21h6v-3.5M12 10v2.5l1.5 1"/>',
  appliance: '<path d="M6.5 20.5h11l-1-11h-9zM9 9.5V7a3 3 0 0 1 6 0v2.5M16.8 12.5h1.7a2 2 0 0 1 0 4h-1.3"/>',
  electronics: '<path d="M9 2.5v4.5M15 2.5v4.5M6.5 7h11v3.5a5.5 5.5 0 0 1-11 0zM12 16v5.5"/>',
  sport: '<path d="M6.5 6.5v11M17.5 6.5v11M3.5 9.5v5M20.5 9.5v5M6.5 12h11"/>',
  plant: '<path d="M5 19.5C5 10.5 11 5 19.5 4.5 19.5 13 14 19 5 19.5zM5 19.5l8-8"/>',
  dairy: '<path d="M8.5 2.5h7v3l2 3v12a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-12l2-3zM6.5 8.5h11M9.5 13.5h5"/>',
  bread: '<path d="M5 11.5A4 4 0 0 1 6.5 4h11A4 4 0 0 1 19 11.5V19a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1zM9.5 9l1.5 2M13 9l1.5 2"/>',
  produce: '<path d="M12 7.5c-2-1.5-7-1.5-7 4.5 0 4 3 8.5 5 8.5 1 0 1.5-.5 2-.5s1 .5 2 .5c2 0 5-4.5 5-8.5 0-6-5-6-7-4.5zM12 7.5c0-2 1-3.5 3-4.5"/>',
  fish: '<path d="M2.5 12c3-5 10-6 14.5-2l4-3v10l-4-3c-4.5 4-11.5 3-14.5-2z"/><circle cx="7.5" cy="11" r=".6"/>',
  meat: '<path d="M14 3.5a6.5 6.5 0 0 1 0 13c-1 0-2 .4-2.6 1.1l-1.6 1.6a2.2 2.2 0 1 1-3-3l1.6-1.6c.7-.6 1.1-1.6 1.1-2.6A6.5 6.5 0 0 1 14 3.5z"/>',
  frozen: '<path d="M12 2.5v19M3.8 7.3l16.4 9.4M3.8 16.7l16.4-9.4M9.5 4l2.5 2 2.5-2M9.5 20l2.5-2 2.5 2"/>',
  wine: '<path d="M8 2.5h8l-.5 5.5a3.5 3.5 0 0 1-7 0zM12 11.5v9M8.5 20.5h7"/>',
  drink: '<path d="M10 2.5h4v3.5l2 3v11.5a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V9l2-3zM8 13.5h8"/>',
  sweets: '<path d="M5 11.5h14l-2 9H7zM5 11.5a7 5 0 0 1 14 0M12 3.5v2.5"/>',
  snack: '<path d="M6.5 3h11l-1 3.5 1 14.5h-11l1-14.5zM7.5 6.5h9M10 12l4 3"/>',
  meal: '<path d="M3 11.5h18a9 8 0 0 1-18 0zM8 20.5h8M9 3.5c0 2 1 2 1 4M14 3.5c0 2 1 2 1 4"/>',
  pantry: '<path d="M8 2.5h8v3H8zM7 5.5h10a1 1 0 0 1 1 1v13.5a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V6.5a1 1 0 0 1 1-1zM6 11h12"/>',
  baby: '<circle cx="12" cy="13" r="7.5"/><path d="M9.5 12.5h.01M14.5 12.5h.01M10 16c1.2.8 2.8.8 4 0M12 5.5c-1.2 0-1.6-1.3-.8-2"/>',
  pet: '<circle cx="6" cy="11" r="1.7"/><circle cx="9.8" cy="6.8" r="1.7"/><circle cx="14.2" cy="6.8" r="1.7"/><circle cx="18" cy="11" r="1.7"/><path d="M12 12c-3 0-5.5 4-5.5 6.5 0 1.5 1.5 2.5 3 2 1-.3 1.7-.5 2.5-.5s1.5.2 2.5.5c1.5.5 3-.5 3-2 0-2.5-2.5-6.5-5.5-6.5z"/>',
  health: '<rect x="3" y="6.5" width="18" height="14" rx="2"/><path d="M9 6.5v-2h6v2M12 10.5v6M9 13.5h6"/>',
  home: '<path d="M3 11.5 12 3.5l9 8M5.5 9.5v11h13v-11M10 20.5v-6h4v6"/>',
  bag: '<path d="M5 8h14l-1 12.5H6zM9 8V6.5a3 3 0 0 1 6 0V8"/>',
};

/** The kind of product a category path stands for, or undefined when none of its levels names one. */
export function kindOf(category) {
  if (typeof category !== 'string') return undefined;
  const levels = category.split('/').map((level) => level.trim()).filter(Boolean).reverse();
  for (const level of levels) {
    const found = KINDS.find(([, pattern]) => pattern.test(level));
    if (found) return found[0];
  }
  return undefined;
}

/**
 * The card's picture: a tile with the kind's pictogram, an image to assistive technology with the kind's name
 * (`label(kind)`; the title follows it, so the name of the kind is all the picture adds).
 */
export function cardVisual(card, label) {
  const kind = kindOf(card.category) || 'bag';
  const tile = document.createElement('div');
  tile.className = `card-visual ${card.service || ''}`.trim();
  tile.dataset.kind = kind;
  tile.setAttribute('role', 'img');
  tile.setAttribute('aria-label', label(kind));
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.innerHTML = ICONS[kind];
  tile.append(svg);
  return tile;
}
