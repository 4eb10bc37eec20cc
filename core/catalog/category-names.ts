/**
 * English names of the catalog's Russian shelf names, for reasons shown in English ("you often buy “Treats and
 * toys”"). Titles carry their own English (`title.en`); category paths do not, so the common shelves are named
 * here. A shelf missing from this table has no English name: callers phrase the reason without it.
 */
const ENGLISH: Readonly<Record<string, string>> = {
  'Аксессуары': 'Accessories', 'Алкоголь': 'Alcohol', 'Аминокислоты и креатин': 'Amino acids and creatine', 'Аптека': 'Pharmacy',
  'Бакалея': 'Pantry', 'Боулы': 'Bowls', 'Бытовая техника': 'Home appliances', 'Бытовая химия': 'Household chemicals',
  'Ветчина и нарезки': 'Ham and cold cuts', 'Вино': 'Wine', 'Витамины и БАД': 'Vitamins and supplements', 'Вода': 'Water',
  'Выпечка': 'Pastries', 'Газировка': 'Soft drinks', 'Гигиена': 'Hygiene', 'Гигиена полости рта': 'Oral care',
  'Говядина и свинина': 'Beef and pork', 'Горячие блюда': 'Hot dishes', 'Готовая еда': 'Ready meals', 'Детские товары': 'Baby and kids',
  'Детское питание': 'Baby food', 'Дом': 'Home', 'Желудок и аллергия': 'Digestion and allergy', 'Завтраки': 'Breakfast',
  'Замороженные продукты': 'Frozen food', 'Здоровое питание': 'Healthy food', 'Здоровье': 'Health', 'Зелень и салаты': 'Herbs and salad leaves',
  'Зоотовары': 'Pet supplies', 'Игровые консоли': 'Game consoles', 'Игрушки': 'Toys', 'Изотоники и гели': 'Isotonic drinks and gels',
  'Индейка': 'Turkey', 'Йогурты': 'Yogurts', 'Кефир и ряженка': 'Kefir and ryazhenka', 'Колбасы': 'Sausages',
  'Колбасы и сосиски': 'Sausages and frankfurters', 'Коляски и автокресла': 'Prams and car seats', 'Компьютерная периферия': 'Computer peripherals',
  'Консервы': 'Canned food', 'Корм для кошек': 'Cat food', 'Корм для собак': 'Dog food', 'Кофе и чай': 'Coffee and tea',
  'Крепкий алкоголь': 'Spirits', 'Крупы': 'Grains', 'Куриные яйца': 'Chicken eggs', 'Курица': 'Chicken',
  'Лакомства и игрушки': 'Treats and toys', 'Макароны': 'Pasta', 'Масло и соусы': 'Oil and sauces', 'Масло сливочное': 'Butter',
  'Медтехника': 'Medical devices', 'Молоко': 'Milk', 'Молочные продукты': 'Dairy', 'Морепродукты': 'Seafood', 'Мороженое': 'Ice cream',
  'Мягкие сыры': 'Soft cheese', 'Мясо и птица': 'Meat and poultry', 'Напитки': 'Drinks', 'Наполнители': 'Cat litter',
  'Наушники': 'Headphones', 'Ноутбуки': 'Laptops', 'Обезболивающие и жаропонижающие': 'Pain and fever relief', 'Овощи': 'Vegetables',
  'Овощи и пицца': 'Vegetables and pizza', 'Овощи и фрукты': 'Fruit and vegetables', 'Одежда для малышей': 'Baby clothes',
  'Орехи и сухофрукты': 'Nuts and dried fruit', 'Освещение и хранение': 'Lighting and storage', 'Пельмени и вареники': 'Dumplings',
  'Перевязочные средства': 'Dressings', 'Печенье и десерты': 'Biscuits and desserts', 'Пиво и сидр': 'Beer and cider', 'Пицца': 'Pizza',
  'Планшеты': 'Tablets', 'Подгузники': 'Nappies', 'Посуда': 'Tableware', 'Простуда и грипп': 'Cold and flu', 'Протеин': 'Protein',
  'Протеиновые батончики': 'Protein bars', 'Растительное молоко': 'Plant milk', 'Растительные продукты': 'Plant-based food', 'Рыба': 'Fish',
  'Рыба и морепродукты': 'Fish and seafood', 'Салаты': 'Salads', 'Сладости': 'Sweets', 'Смартфоны': 'Smartphones',
  'Сметана и сливки': 'Sour cream and cream', 'Снеки': 'Snacks', 'Соки и морсы': 'Juices and fruit drinks', 'Сосиски': 'Frankfurters',
  'Специи и мука': 'Spices and flour', 'Спортивное питание': 'Sports nutrition', 'Супы': 'Soups', 'Сухарики и попкорн': 'Croutons and popcorn',
  'Суши и роллы': 'Sushi and rolls', 'Сыры': 'Cheese', 'Сэндвичи и роллы': 'Sandwiches and wraps', 'Творог': 'Cottage cheese',
  'Твёрдые сыры': 'Hard cheese', 'Текстиль': 'Home textiles', 'Телевизоры': 'TVs', 'Техника для кухни': 'Kitchen appliances',
  'Тофу и заменители мяса': 'Tofu and meat substitutes', 'Уборка': 'Cleaning', 'Умные часы и браслеты': 'Smart watches and bands',
  'Умный дом': 'Smart home', 'Фрукты': 'Fruit', 'Хлеб': 'Bread', 'Хлеб и выпечка': 'Bread and pastries', 'Хумус и паштеты': 'Hummus and spreads',
  'Чипсы': 'Crisps', 'Шоколад': 'Chocolate', 'Электроника': 'Electronics', 'Энергетики и холодный чай': 'Energy drinks and iced tea',
  'Яйца': 'Eggs',
};

/** Whether a name is already written in Latin letters (a catalog with English shelf names needs no table). */
const LATIN = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}&+]+$/u;

/**
 * The shelf's name in the language, from a category path or one of its levels: the last level by default
 * ("Зоотовары/Лакомства и игрушки" -> "Treats and toys" in English). Undefined when it has no name in that language.
 */
export function categoryName(category: string, locale: 'ru' | 'en'): string | undefined {
  const levels = category.split('/').map((part) => part.trim()).filter(Boolean);
  const leaf = levels.at(-1);
  if (!leaf) return undefined;
  if (locale === 'ru') return leaf;
  if (LATIN.test(leaf)) return leaf;
  return Object.hasOwn(ENGLISH, leaf) ? ENGLISH[leaf] : undefined;
}
