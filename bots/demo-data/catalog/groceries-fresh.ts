import { shelf, type ProductBase, type ShelfEntry } from './product-base.ts';

const PRODUCE_BRANDS = ['', 'Вкусвилл', 'Самокат', 'Лента', 'Зелёная линия'];

function produce(ru: string, en: string, price: number, unit: 'kg' | 'pc' | 'pack' = 'kg', tags = ''): ShelfEntry {
  const axis = unit === 'kg'
    ? [['1 кг', '1 kg', 1], ['500 г', '500 g', 0.55]] as const
    : unit === 'pc' ? [['1 шт', '1 pc', 1]] as const : [['упаковка', 'pack', 1]] as const;
  return { ru, en, price, brands: PRODUCE_BRANDS, tags: `vegan gluten_free ${tags}`.trim(), axes: [axis] };
}

/** Fruit and vegetables, meat, sausages, fish and bread. */
export const FRESH: ProductBase[] = [
  ...shelf('Овощи и фрукты/Фрукты', [
    produce('Бананы', 'bananas', 139), produce('Яблоки Гала', 'Gala apples', 169), produce('Яблоки Голден', 'Golden apples', 159),
    produce('Апельсины', 'oranges', 189), produce('Мандарины', 'tangerines', 219), produce('Груши Конференция', 'Conference pears', 239),
    produce('Киви', 'kiwi', 259), produce('Авокадо Хасс', 'Hass avocado', 129, 'pc'), produce('Лимоны', 'lemons', 229),
    produce('Виноград зелёный', 'green grapes', 349), produce('Черника', 'blueberries', 299, 'pack'), produce('Клубника', 'strawberries', 399, 'pack'),
  ]),
  ...shelf('Овощи и фрукты/Овощи', [
    produce('Огурцы среднеплодные', 'cucumbers', 199), produce('Томаты черри', 'cherry tomatoes', 249, 'pack'),
    produce('Томаты сливовидные', 'plum tomatoes', 289), produce('Картофель', 'potatoes', 69), produce('Морковь', 'carrots', 59),
    produce('Лук репчатый', 'onions', 55), produce('Перец сладкий красный', 'red bell pepper', 379), produce('Брокколи', 'broccoli', 329),
    produce('Кабачки', 'courgettes', 149), produce('Капуста белокочанная', 'white cabbage', 45), produce('Чеснок', 'garlic', 79, 'pack'),
    produce('Шампиньоны', 'button mushrooms', 179, 'pack'), produce('Батат', 'sweet potato', 289),
  ]),
  ...shelf('Овощи и фрукты/Зелень и салаты', [
    produce('Укроп', 'dill', 69, 'pack'), produce('Петрушка', 'parsley', 69, 'pack'), produce('Салат айсберг', 'iceberg lettuce', 149, 'pc'),
    produce('Шпинат', 'spinach', 159, 'pack'), produce('Руккола', 'rocket', 149, 'pack'),
  ]),
  ...shelf('Мясо и птица/Курица', [
    { ru: 'Филе куриной грудки охлаждённое', en: 'chilled chicken breast fillet', price: 389, tags: 'meat gluten_free',
      brands: ['Петелинка', 'Приосколье', 'Черкизово', 'Ясные зори', 'Вкусвилл', 'Лента'], axes: [[['700 г', '700 g', 1], ['1 кг', '1 kg', 1.4]]] },
    { ru: 'Бедро цыплёнка охлаждённое', en: 'chilled chicken thighs', price: 279, tags: 'meat gluten_free',
      brands: ['Петелинка', 'Приосколье', 'Черкизово', 'Каждый день'], axes: [[['900 г', '900 g', 1]]] },
    { ru: 'Крылья куриные', en: 'chicken wings', price: 249, tags: 'meat gluten_free', brands: ['Петелинка', 'Приосколье'],
      axes: [[['1 кг', '1 kg', 1]]] },
    { ru: 'Филе цыплёнка халяль', en: 'halal chicken fillet', price: 419, tags: 'meat gluten_free halal', brands: ['Ас-Салям', 'Челны-Бройлер'],
      axes: [[['800 г', '800 g', 1]]] },
  ]),
  ...shelf('Мясо и птица/Индейка', [
    { ru: 'Филе индейки охлаждённое', en: 'chilled turkey fillet', price: 499, tags: 'meat gluten_free',
      brands: ['Индилайт', 'Дамате', 'Пава-Пава'], axes: [[['500 г', '500 g', 1], ['1 кг', '1 kg', 1.9]]] },
    { ru: 'Фарш из индейки', en: 'minced turkey', price: 329, tags: 'meat gluten_free', brands: ['Индилайт', 'Дамате'], axes: [[['400 г', '400 g', 1]]] },
  ]),
  ...shelf('Мясо и птица/Говядина и свинина', [
    { ru: 'Стейк говяжий рибай', en: 'beef ribeye steak', price: 899, tags: 'meat gluten_free', brands: ['Мираторг', 'Праймбиф'],
      axes: [[['320 г', '320 g', 1]]] },
    { ru: 'Фарш говяжий', en: 'minced beef', price: 399, tags: 'meat gluten_free', brands: ['Мираторг', 'Вкусвилл', 'Самокат'],
      axes: [[['400 г', '400 g', 1]]] },
    { ru: 'Фарш домашний свино-говяжий', en: 'pork and beef mince', price: 329, tags: 'meat gluten_free',
      brands: ['Мираторг', 'Черкизово', 'Каждый день'], axes: [[['400 г', '400 g', 1]]] },
    { ru: 'Шейка свиная', en: 'pork neck', price: 549, tags: 'meat gluten_free', brands: ['Мираторг', 'Агро-Белогорье'],
      axes: [[['1 кг', '1 kg', 1]]] },
  ]),
  ...shelf('Колбасы и сосиски/Колбасы', [
    { ru: 'Колбаса варёная Докторская', en: 'Doktorskaya boiled sausage', price: 289, tags: 'meat',
      brands: ['Останкино', 'Черкизово', 'Папа может', 'Вязанка', 'Микоян'], axes: [[['400 г', '400 g', 1]]] },
    { ru: 'Колбаса сырокопчёная салями', en: 'dry-cured salami', price: 329, tags: 'meat',
      brands: ['Черкизово', 'Дымов', 'Микоян', 'Велком'], axes: [[['Милано', 'Milano', 1], ['Пепперони', 'Pepperoni', 1.05, 'spicy']], [['250 г', '250 g', 1]]] },
    { ru: 'Колбаса сервелат', en: 'cervelat sausage', price: 319, tags: 'meat', brands: ['Останкино', 'Велком', 'Папа может'],
      axes: [[['350 г', '350 g', 1]]] },
  ]),
  ...shelf('Колбасы и сосиски/Сосиски', [
    { ru: 'Сосиски молочные', en: 'milk frankfurters', price: 259, tags: 'meat',
      brands: ['Останкино', 'Вязанка', 'Папа может', 'Черкизово', 'Самокат'], axes: [[['450 г', '450 g', 1]]] },
    { ru: 'Сардельки говяжьи', en: 'beef wieners', price: 299, tags: 'meat', brands: ['Мираторг', 'Велком'], axes: [[['400 г', '400 g', 1]]] },
  ]),
  ...shelf('Колбасы и сосиски/Ветчина и нарезки', [
    { ru: 'Ветчина из индейки', en: 'turkey ham', price: 199, tags: 'meat', brands: ['Индилайт', 'Вкусвилл', 'Черкизово'],
      axes: [[['нарезка 150 г', 'sliced 150 g', 1]]] },
    { ru: 'Бекон сырокопчёный', en: 'smoked bacon', price: 219, tags: 'meat gluten_free', brands: ['Мираторг', 'Дымов'],
      axes: [[['нарезка 150 г', 'sliced 150 g', 1]]] },
  ]),
  ...shelf('Рыба и морепродукты/Рыба', [
    { ru: 'Филе лосося охлаждённое', en: 'chilled salmon fillet', price: 899, tags: 'fish gluten_free',
      brands: ['Русское море', 'Fish House', 'Вкусвилл'], axes: [[['300 г', '300 g', 1]]] },
    { ru: 'Форель слабосолёная', en: 'lightly salted trout', price: 449, tags: 'fish gluten_free',
      brands: ['Русское море', 'Меридиан', 'Балтийский берег', 'Fine Life'], axes: [[['ломтики 150 г', 'slices 150 g', 1]]] },
    { ru: 'Филе трески', en: 'cod fillet', price: 549, tags: 'fish gluten_free', brands: ['Меридиан', 'Fish House'],
      axes: [[['замороженное 400 г', 'frozen 400 g', 1]]] },
    { ru: 'Сельдь в масле', en: 'herring in oil', price: 169, tags: 'fish', brands: ['Меридиан', 'Санта Бремор', 'Балтийский берег'],
      axes: [[['филе 250 г', 'fillet 250 g', 1]]] },
  ]),
  ...shelf('Рыба и морепродукты/Морепродукты', [
    { ru: 'Креветки варёно-мороженые', en: 'cooked frozen prawns', price: 599, tags: 'fish gluten_free',
      brands: ['Меридиан', 'Vici', 'Fish House'], axes: [[['70/90', '70/90', 1], ['90/120', '90/120', 0.85]], [['500 г', '500 g', 1]]] },
    { ru: 'Крабовые палочки', en: 'crab sticks', price: 139, tags: 'fish', brands: ['Vici', 'Меридиан', 'Русское море'],
      axes: [[['200 г', '200 g', 1]]] },
  ]),
  ...shelf('Хлеб и выпечка/Хлеб', [
    { ru: 'Хлеб Бородинский', en: 'Borodinsky rye bread', price: 69, tags: 'vegan',
      brands: ['Коломенский', 'Хлебный дом', 'Черёмушки', 'Вкусвилл', 'Самокат'], axes: [[['нарезка 300 г', 'sliced 300 g', 1]]] },
    { ru: 'Батон нарезной', en: 'sliced white loaf', price: 59, tags: 'vegetarian',
      brands: ['Коломенский', 'Хлебный дом', 'Черёмушки', 'Каждый день'], axes: [[['380 г', '380 g', 1]]] },
    { ru: 'Хлеб тостовый', en: 'toast bread', price: 119, tags: 'vegetarian',
      brands: ["Harry's", 'Fazer', 'Хлебный дом'], axes: [[['пшеничный', 'wheat', 1], ['цельнозерновой', 'wholegrain', 1.1]], [['470 г', '470 g', 1]]] },
    { ru: 'Хлеб без глютена', en: 'gluten-free bread', price: 229, tags: 'vegan gluten_free',
      brands: ['Dr. Schär', 'Вкусвилл', 'Мак Мастер'], axes: [[['белый', 'white', 1], ['зерновой', 'multigrain', 1.1]], [['250 г', '250 g', 1]]] },
    { ru: 'Хлебцы гречневые', en: 'buckwheat crispbread', price: 89, tags: 'vegan gluten_free',
      brands: ['Dr. Körner', 'Хлебцы-Молодцы'], axes: [[['100 г', '100 g', 1]]] },
    { ru: 'Лаваш тонкий', en: 'thin lavash', price: 59, tags: 'vegan', brands: ['Хлебный дом', 'Самокат', 'Лента'], axes: [[['3 шт', '3 pcs', 1]]] },
  ]),
  ...shelf('Хлеб и выпечка/Выпечка', [
    { ru: 'Круассан', en: 'croissant', price: 89, tags: 'vegetarian', brands: ['Вкусвилл', 'Самокат', 'Fazer'],
      axes: [[['классический', 'classic', 1], ['с шоколадом', 'chocolate', 1.15], ['с миндалём', 'almond', 1.25, 'contains_nuts']]] },
    { ru: 'Булочка с корицей', en: 'cinnamon roll', price: 79, tags: 'vegetarian', brands: ['Вкусвилл', 'Самокат', 'Хлебный дом'],
      axes: [[['1 шт', '1 pc', 1]]] },
  ]),
];
