/** The acceptance suite's own catalog of the three services, sent through `PUT /api/v1/catalog/items`. */
export interface Item {
  id: string;
  service: 'samokat' | 'megamarket' | 'kuper';
  title: { ru: string; en: string };
  category: string;
  brand?: string;
  price: number;
  currency: 'RUB';
  tags: string[];
  available?: boolean;
}

const item = (id: string, service: Item['service'], ru: string, en: string, category: string, price: number, tags: string[] = [], brand?: string): Item =>
  ({ id, service, title: { ru, en }, category, price, currency: 'RUB', tags, ...(brand ? { brand } : {}) });

/** Samokat: groceries, ready food, snacks, drinks (incl. alcohol). */
const SAMOKAT: Item[] = [
  item('s-milk', 'samokat', 'Молоко Простоквашино 3,2%', 'Prostokvashino milk 3.2%', 'Молочные продукты/Молоко', 89, ['vegetarian'], 'Простоквашино'),
  item('s-milk-lf', 'samokat', 'Молоко безлактозное Parmalat 1,8%', 'Parmalat lactose-free milk 1.8%', 'Молочные продукты/Молоко', 129, ['vegetarian', 'lactose_free'], 'Parmalat'),
  item('s-oat-milk', 'samokat', 'Овсяное молоко Alpro', 'Alpro oat milk', 'Молочные продукты/Растительное молоко', 159, ['vegan', 'lactose_free'], 'Alpro'),
  item('s-kefir', 'samokat', 'Кефир 1% Простоквашино', 'Prostokvashino kefir 1%', 'Молочные продукты/Кефир', 79, ['vegetarian'], 'Простоквашино'),
  item('s-yogurt', 'samokat', 'Йогурт греческий 2%', 'Greek yogurt 2%', 'Молочные продукты/Йогурты', 119, ['vegetarian']),
  item('s-cheese', 'samokat', 'Сыр Российский', 'Rossiysky cheese', 'Молочные продукты/Сыр', 259, ['vegetarian']),
  item('s-chicken', 'samokat', 'Куриное филе', 'Chicken fillet', 'Мясо и птица/Курица', 349, ['meat']),
  item('s-steak', 'samokat', 'Стейк из говядины рибай', 'Beef ribeye steak', 'Мясо и птица/Говядина', 890, ['meat']),
  item('s-salmon', 'samokat', 'Филе лосося', 'Salmon fillet', 'Рыба и морепродукты/Рыба', 799, ['fish']),
  item('s-shrimp', 'samokat', 'Креветки королевские', 'King prawns', 'Рыба и морепродукты/Креветки', 649, ['fish']),
  item('s-pasta', 'samokat', 'Спагетти Barilla', 'Barilla spaghetti', 'Бакалея/Макароны', 119, ['vegan'], 'Barilla'),
  item('s-pesto', 'samokat', 'Соус песто с кедровым орехом', 'Pesto sauce with pine nuts', 'Бакалея/Соусы', 289, ['vegetarian', 'contains_nuts']),
  item('s-tomato', 'samokat', 'Томаты черри', 'Cherry tomatoes', 'Овощи и фрукты/Овощи', 199, ['vegan']),
  item('s-salad', 'samokat', 'Салат с кинзой и огурцом', 'Cucumber salad with cilantro', 'Готовая еда/Салаты', 249, ['vegan']),
  item('s-pizza', 'samokat', 'Пицца Маргарита', 'Pizza Margherita', 'Готовая еда/Пицца', 399, ['vegetarian']),
  item('s-lasagna', 'samokat', 'Лазанья с говядиной', 'Beef lasagna', 'Готовая еда/Горячее', 459, ['meat']),
  item('s-falafel', 'samokat', 'Фалафель с хумусом', 'Falafel with hummus', 'Готовая еда/Горячее', 329, ['vegan']),
  item('s-tofu-bowl', 'samokat', 'Боул с тофу и овощами', 'Tofu and vegetable bowl', 'Готовая еда/Боулы', 379, ['vegan']),
  item('s-nuts', 'samokat', 'Смесь орехов', 'Nut mix', 'Снеки/Орехи', 299, ['vegan', 'contains_nuts']),
  item('s-chips', 'samokat', 'Чипсы Lay\'s сметана и лук', 'Lay\'s sour cream and onion chips', 'Снеки/Чипсы', 139, ['vegetarian'], 'Lay\'s'),
  item('s-hummus', 'samokat', 'Хумус классический', 'Classic hummus', 'Готовая еда/Закуски', 159, ['vegan']),
  item('s-choc-nuts', 'samokat', 'Шоколад молочный с фундуком', 'Milk chocolate with hazelnuts', 'Сладости/Шоколад', 149, ['vegetarian', 'contains_nuts']),
  item('s-dark-choc', 'samokat', 'Шоколад горький 85%', 'Dark chocolate 85%', 'Сладости/Шоколад', 179, ['vegan']),
  item('s-bread', 'samokat', 'Хлеб Бородинский', 'Borodinsky bread', 'Хлеб и выпечка/Хлеб', 65, ['vegan']),
  item('s-bananas', 'samokat', 'Бананы', 'Bananas', 'Овощи и фрукты/Фрукты', 119, ['vegan']),
  item('s-juice', 'samokat', 'Сок апельсиновый', 'Orange juice', 'Напитки/Соки', 169, ['vegan']),
  item('s-beer', 'samokat', 'Пиво светлое Жигулёвское', 'Zhigulevskoye lager beer', 'Напитки/Пиво', 120, ['alcohol', '18+']),
  item('s-wine', 'samokat', 'Вино красное сухое', 'Dry red wine', 'Напитки/Вино', 790, ['alcohol', '18+']),
  { ...item('s-milk-lf-out', 'samokat', 'Молоко безлактозное Valio 1,5%', 'Valio lactose-free milk 1.5%', 'Молочные продукты/Молоко', 149, ['vegetarian', 'lactose_free'], 'Valio'), available: false },
];

/** Kuper: groceries from stores, pharmacy, sport nutrition, health. */
const KUPER: Item[] = [
  item('k-milk', 'kuper', 'Молоко Домик в деревне 2,5%', 'Domik v derevne milk 2.5%', 'Молочные продукты/Молоко', 95, ['vegetarian'], 'Домик в деревне'),
  item('k-milk-lf', 'kuper', 'Молоко безлактозное Valio 1,5%', 'Valio lactose-free milk 1.5%', 'Молочные продукты/Молоко', 139, ['vegetarian', 'lactose_free'], 'Valio'),
  item('k-oat-milk', 'kuper', 'Овсяный напиток Nemoloko', 'Nemoloko oat drink', 'Молочные продукты/Растительное молоко', 139, ['vegan', 'lactose_free'], 'Nemoloko'),
  item('k-buckwheat', 'kuper', 'Гречка Увелка', 'Uvelka buckwheat', 'Бакалея/Крупы', 89, ['vegan', 'gluten_free'], 'Увелка'),
  item('k-tofu', 'kuper', 'Тофу классический', 'Classic tofu', 'Вегетарианские продукты/Тофу', 189, ['vegan']),
  item('k-chicken', 'kuper', 'Куриные бёдра', 'Chicken thighs', 'Мясо и птица/Курица', 289, ['meat']),
  item('k-pork', 'kuper', 'Свиная шея', 'Pork neck', 'Мясо и птица/Свинина', 499, ['meat']),
  item('k-cod', 'kuper', 'Треска филе', 'Cod fillet', 'Рыба и морепродукты/Рыба', 459, ['fish']),
  item('k-bread', 'kuper', 'Хлеб цельнозерновой', 'Wholegrain bread', 'Хлеб и выпечка/Хлеб', 79, ['vegan']),
  item('k-eggs', 'kuper', 'Яйца куриные С1, 10 шт', 'Chicken eggs, 10 pcs', 'Молочные продукты/Яйца', 119, ['vegetarian']),
  item('k-cottage', 'kuper', 'Творог 5%', 'Cottage cheese 5%', 'Молочные продукты/Творог', 149, ['vegetarian']),
  item('k-apples', 'kuper', 'Яблоки Гренни Смит', 'Granny Smith apples', 'Овощи и фрукты/Фрукты', 159, ['vegan']),
  item('k-almonds', 'kuper', 'Миндаль', 'Almonds', 'Снеки/Орехи', 349, ['vegan', 'contains_nuts']),
  item('k-granola', 'kuper', 'Гранола с орехами', 'Granola with nuts', 'Бакалея/Завтраки', 279, ['vegetarian', 'contains_nuts']),
  item('k-oatmeal', 'kuper', 'Овсяные хлопья Геркулес', 'Hercules rolled oats', 'Бакалея/Завтраки', 79, ['vegan']),
  item('k-coffee', 'kuper', 'Кофе в зёрнах Lavazza', 'Lavazza coffee beans', 'Напитки/Кофе', 699, ['vegan'], 'Lavazza'),
  item('k-protein', 'kuper', 'Протеин сывороточный', 'Whey protein', 'Спортивное питание/Протеин', 2490, ['vegetarian']),
  item('k-vitamin-d', 'kuper', 'Витамин D3 2000 МЕ', 'Vitamin D3 2000 IU', 'Аптека/Витамины', 549),
  item('k-ibuprofen', 'kuper', 'Ибупрофен 200 мг', 'Ibuprofen 200 mg', 'Аптека/Обезболивающие', 89),
  item('k-cider', 'kuper', 'Сидр яблочный', 'Apple cider', 'Напитки/Сидр', 189, ['alcohol', '18+']),
];

/** Megamarket: electronics, home, pets, kids. */
const MEGAMARKET: Item[] = [
  item('m-phone', 'megamarket', 'Смартфон Xiaomi Redmi Note 13', 'Xiaomi Redmi Note 13 smartphone', 'Электроника/Смартфоны', 18990, [], 'Xiaomi'),
  item('m-charger', 'megamarket', 'Зарядное устройство USB-C 20 Вт', 'USB-C charger 20 W', 'Электроника/Аксессуары', 990),
  item('m-headphones', 'megamarket', 'Наушники беспроводные JBL', 'JBL wireless headphones', 'Электроника/Наушники', 3990, [], 'JBL'),
  item('m-powerbank', 'megamarket', 'Внешний аккумулятор 10000 мАч', 'Power bank 10000 mAh', 'Электроника/Аксессуары', 1490),
  item('m-kettle', 'megamarket', 'Чайник электрический Polaris', 'Polaris electric kettle', 'Бытовая техника/Чайники', 2490, [], 'Polaris'),
  item('m-cat-food', 'megamarket', 'Корм для кошек Purina One 1,5 кг', 'Purina One cat food 1.5 kg', 'Зоотовары/Корм для кошек', 899, [], 'Purina'),
  item('m-dog-food', 'megamarket', 'Корм для собак Pedigree 2,2 кг', 'Pedigree dog food 2.2 kg', 'Зоотовары/Корм для собак', 749, [], 'Pedigree'),
  item('m-cat-litter', 'megamarket', 'Наполнитель для кошачьего туалета', 'Cat litter', 'Зоотовары/Наполнители', 499),
  item('m-diapers', 'megamarket', 'Подгузники Pampers 4', 'Pampers diapers size 4', 'Детские товары/Подгузники', 1590, ['kids'], 'Pampers'),
  item('m-lego', 'megamarket', 'Конструктор LEGO City', 'LEGO City set', 'Детские товары/Игрушки', 2990, ['kids'], 'LEGO'),
  item('m-whisky', 'megamarket', 'Виски Jameson 0,7 л', 'Jameson whiskey 0.7 l', 'Напитки/Виски', 2290, ['alcohol', '18+'], 'Jameson'),
];

/** Every item of the acceptance catalog. */
export const CATALOG: Item[] = [...SAMOKAT, ...KUPER, ...MEGAMARKET];

const BY_ID = new Map(CATALOG.map((i) => [i.id, i]));

/** Makes an item a test adds later through the API known to the card checks. */
export function registerItem(item: Item): void {
  BY_ID.set(item.id, item);
}

/** The catalog item behind a card id; fails loudly on an id the suite never sent. */
export function itemOf(id: string): Item {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`the server returned an item the acceptance catalog does not have: ${id}`);
  return found;
}

export const hasTag = (id: string, tag: string): boolean => itemOf(id).tags.includes(tag);

/** Not vegan: animal products, or simply not tagged vegan. */
export const isVegan = (id: string): boolean => hasTag(id, 'vegan');
export const isAlcohol = (id: string): boolean => hasTag(id, 'alcohol') || hasTag(id, '18+');
