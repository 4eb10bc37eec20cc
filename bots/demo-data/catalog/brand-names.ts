/** Brand spelling in English titles: established Latin names where transliteration would look wrong. */
const ENGLISH_BRANDS: Record<string, string> = {
  'Вкусвилл': 'VkusVill', 'Самокат': 'Samokat', 'Кухня на районе': 'Kukhnya na Rayone', 'Лента': 'Lenta',
  'Каждый день': 'Kazhdy Den', 'Терафлю': 'Theraflu', 'Стрепсилс': 'Strepsils', 'Фервекс': 'Fervex', 'Колдрекс': 'Coldrex',
  'Смекта': 'Smecta', 'Зиртек': 'Zyrtec', 'Супрадин': 'Supradyn', 'Центрум': 'Centrum', 'Магне B6': 'Magne B6',
  'Мезим форте': 'Mezym forte', 'Креон': 'Creon', 'Аквамарис': 'Aqua Maris', 'Бепантен': 'Bepanthen', 'Панадол': 'Panadol',
  'Панадол Детский': 'Panadol Baby', 'Нурофен для детей': 'Nurofen for Children', 'Яндекс': 'Yandex', 'Хрусteam': 'Khrusteam',
  'Б.Ю. Александров': 'B.Yu. Alexandrov', '4 сезона': '4 Seasons', 'Готово!': 'Gotovo!', 'Фуд Лаб': 'Food Lab',
  'Зелёная линия': 'Green Line', 'Русское море': 'Russkoye More', 'Шоколадница': 'Shokoladnitsa',
};

/** Store and service own labels: each service only sells its own. */
export const SAMOKAT_LABELS: ReadonlySet<string> = new Set(['Самокат', 'Кухня на районе']);
export const KUPER_LABELS: ReadonlySet<string> = new Set(['Лента', 'Каждый день', 'Fine Life']);
const ALL_LABELS = new Set([...SAMOKAT_LABELS, ...KUPER_LABELS, 'Вкусвилл']);

/** Whether a brand is a retailer's own budget-friendly label. */
export function isPrivateLabel(brand: string): boolean {
  return ALL_LABELS.has(brand);
}

const LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
};

/** Latin transliteration of Russian text (practical, not ISO 9): "Простоквашино" -> "Prostokvashino". */
export function transliterate(text: string): string {
  // Word-final endings read better shortened ("Добрый" -> "Dobry"); \b is ASCII-only, hence the lookahead.
  const simplified = text.replace(/ый(?![а-яё])/g, 'y').replace(/ий(?![а-яё])/g, 'iy');
  let out = '';
  for (const char of simplified) {
    const lower = char.toLowerCase();
    const latin = LETTERS[lower];
    if (latin === undefined) out += char;
    else out += char === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** The brand as written in an English title. */
export function englishBrand(brand: string): string {
  return ENGLISH_BRANDS[brand] ?? transliterate(brand);
}
