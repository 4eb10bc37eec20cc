import { shelf, type ProductBase } from './product-base.ts';

const PROTEIN_FLAVOURS = [['ваниль', 'vanilla', 1], ['шоколад', 'chocolate', 1], ['клубника', 'strawberry', 1], ['без вкуса', 'unflavoured', 0.95]] as const;

/** Kuper's over-the-counter pharmacy (no prescription drugs) and health shelves. */
export const PHARMACY: ProductBase[] = [
  ...shelf('Аптека/Обезболивающие и жаропонижающие', [
    { ru: 'Ибупрофен таблетки', en: 'ibuprofen tablets', price: 89, brands: ['Нурофен', 'Ибупрофен-Акрихин', 'Ибуклин'],
      axes: [[['200 мг', '200 mg', 1], ['400 мг', '400 mg', 1.5]], [['20 шт', '20 pcs', 1]]] },
    { ru: 'Парацетамол таблетки', en: 'paracetamol tablets', price: 49, brands: ['Фармстандарт', 'Панадол', 'Озон'], axes: [[['500 мг', '500 mg', 1]], [['20 шт', '20 pcs', 1]]] },
    { ru: 'Суспензия для детей жаропонижающая', en: "children's fever suspension", price: 289, tags: 'kids sugar_free',
      brands: ['Нурофен для детей', 'Панадол Детский'], axes: [[['апельсин', 'orange', 1], ['клубника', 'strawberry', 1]], [['100 мл', '100 ml', 1]]] },
  ]),
  ...shelf('Аптека/Простуда и грипп', [
    { ru: 'Порошок от простуды', en: 'cold and flu powder', price: 399, brands: ['Терафлю', 'Фервекс', 'Колдрекс'],
      axes: [[['лимон', 'lemon', 1], ['лесные ягоды', 'forest berries', 1.05]], [['10 пакетиков', '10 sachets', 1]]] },
    { ru: 'Леденцы от боли в горле', en: 'sore throat lozenges', price: 329, brands: ['Стрепсилс', 'Граммидин', 'Доктор Мом'],
      axes: [[['мёд и лимон', 'honey & lemon', 1], ['без сахара', 'sugar free', 1.05, 'sugar_free']], [['24 шт', '24 pcs', 1]]] },
    { ru: 'Спрей назальный морская вода', en: 'sea water nasal spray', price: 299, brands: ['Аквамарис', 'Аквалор', 'Маример'],
      axes: [[['взрослый', 'adult', 1], ['детский', "children's", 1, 'kids']], [['30 мл', '30 ml', 1]]] },
    { ru: 'Мирамистин раствор', en: 'Miramistin antiseptic solution', price: 349, brands: ['Мирамистин'], axes: [[['50 мл спрей', '50 ml spray', 1], ['150 мл', '150 ml', 1.6]]] },
  ]),
  ...shelf('Аптека/Желудок и аллергия', [
    { ru: 'Смектит диоктаэдрический', en: 'diosmectite powder', price: 229, brands: ['Смекта', 'Неосмектин'], axes: [[['10 пакетиков', '10 sachets', 1]]] },
    { ru: 'Панкреатин таблетки', en: 'pancreatin tablets', price: 119, brands: ['Мезим форте', 'Креон', 'Панкреатин-Лект'], axes: [[['20 шт', '20 pcs', 1]]] },
    { ru: 'Таблетки от аллергии цетиризин', en: 'cetirizine allergy tablets', price: 199, brands: ['Зодак', 'Зиртек', 'Цетрин'], axes: [[['10 мг', '10 mg', 1]], [['10 шт', '10 pcs', 1], ['20 шт', '20 pcs', 1.7]]] },
  ]),
  ...shelf('Аптека/Витамины и БАД', [
    { ru: 'Витамин D3', en: 'vitamin D3', price: 499, brands: ['Эвалар', 'Solgar', 'Now Foods', 'Аквадетрим', 'Ultrabalance'],
      axes: [[['2000 МЕ', '2000 IU', 1], ['5000 МЕ', '5000 IU', 1.3]], [['60 капсул', '60 capsules', 1], ['120 капсул', '120 capsules', 1.8]]] },
    { ru: 'Омега-3', en: 'omega-3', price: 899, tags: 'fish', brands: ['Эвалар', 'Solgar', 'Now Foods', 'Мирролла', 'Doppelherz'],
      axes: [[['1000 мг', '1000 mg', 1]], [['60 капсул', '60 capsules', 1], ['120 капсул', '120 capsules', 1.8]]] },
    { ru: 'Витаминный комплекс', en: 'multivitamin complex', price: 599, brands: ['Компливит', 'Супрадин', 'Алфавит', 'Центрум', 'Витрум'],
      axes: [[['для взрослых', 'adults', 1], ['для детей', 'kids', 0.9, 'kids']], [['30 таблеток', '30 tablets', 1], ['60 таблеток', '60 tablets', 1.7]]] },
    { ru: 'Магний B6', en: 'magnesium B6', price: 549, brands: ['Магне B6', 'Эвалар', 'Solgar'], axes: [[['50 таблеток', '50 tablets', 1]]] },
    { ru: 'Витамин C', en: 'vitamin C', price: 249, brands: ['Эвалар', 'Now Foods', 'Ultrabalance'],
      axes: [[['1000 мг шипучие', '1000 mg effervescent', 1], ['500 мг', '500 mg', 0.8]], [['20 шт', '20 pcs', 1]]] },
  ]),
  ...shelf('Аптека/Перевязочные средства', [
    { ru: 'Пластырь бактерицидный', en: 'antibacterial plasters', price: 149, brands: ['Cosmos', 'Hansaplast', 'Luxplast'], axes: [[['20 шт', '20 pcs', 1]]] },
    { ru: 'Бинт эластичный', en: 'elastic bandage', price: 199, brands: ['Hartmann', 'Интекс', 'Фармадокт'], axes: [[['8 см × 1,5 м', '8 cm × 1.5 m', 1]]] },
  ]),
  ...shelf('Здоровье/Медтехника', [
    { ru: 'Термометр электронный', en: 'digital thermometer', price: 399, brands: ['Omron', 'B.Well', 'Microlife', 'Little Doctor'],
      axes: [[['стандартный', 'standard', 1], ['бесконтактный', 'non-contact', 6]]] },
    { ru: 'Тонометр автоматический', en: 'automatic blood pressure monitor', price: 3500, brands: ['Omron', 'B.Well', 'Microlife', 'AND'],
      axes: [[['на плечо', 'upper arm', 1], ['на запястье', 'wrist', 0.8]]] },
    { ru: 'Ингалятор небулайзер', en: 'nebuliser', price: 3500, brands: ['Omron', 'B.Well', 'Little Doctor'], axes: [[['компрессорный', 'compressor', 1], ['меш', 'mesh', 1.3]]] },
    { ru: 'Маски медицинские', en: 'medical face masks', price: 149, brands: ['Фармадокт', 'Ламитекс', 'Медтекстиль'], axes: [[['50 шт', '50 pcs', 1]]] },
  ]),
  ...shelf('Здоровье/Гигиена полости рта', [
    { ru: 'Зубная паста', en: 'toothpaste', price: 199, brands: ['Splat', 'R.O.C.S.', 'Colgate', 'Лесной бальзам', 'Parodontax'],
      axes: [[['отбеливающая', 'whitening', 1], ['для чувствительных зубов', 'sensitive', 1.15], ['детская', "children's", 0.9, 'kids']], [['100 мл', '100 ml', 1]]] },
    { ru: 'Зубная щётка электрическая', en: 'electric toothbrush', price: 3500, brands: ['Oral-B', 'Philips Sonicare', 'Xiaomi', 'Revyline'],
      axes: [[['белая', 'white', 1], ['чёрная', 'black', 1]]] },
  ]),
  ...shelf('Здоровье/Здоровое питание', [
    { ru: 'Семена чиа', en: 'chia seeds', price: 199, tags: 'vegan gluten_free organic', brands: ['Вкусвилл', 'Compass Health', 'Фитопарад'], axes: [[['250 г', '250 g', 1]]] },
    { ru: 'Протеиновое печенье без сахара', en: 'sugar-free protein cookie', price: 129, tags: 'vegetarian sugar_free', brands: ['Bombbar', 'FitnesShock', 'Fit Kit'],
      axes: [[['шоколад', 'chocolate', 1], ['кокос', 'coconut', 1]], [['40 г', '40 g', 1]]] },
    { ru: 'Сироп без сахара', en: 'sugar-free syrup', price: 249, tags: 'vegan gluten_free sugar_free', brands: ['Bombbar', 'Mr. Djemius Zero', 'FitnesShock'],
      axes: [[['карамель', 'caramel', 1], ['кленовый', 'maple', 1]], [['330 мл', '330 ml', 1]]] },
    { ru: 'Спирулина в таблетках', en: 'spirulina tablets', price: 599, tags: 'vegan gluten_free organic', brands: ['Compass Health', 'Organic Life'], axes: [[['200 г', '200 g', 1]]] },
  ]),
];

/** Kuper's sport nutrition shelves. */
export const SPORT: ProductBase[] = [
  ...shelf('Спортивное питание/Протеин', [
    { ru: 'Протеин сывороточный', en: 'whey protein', price: 2900, tags: 'vegetarian gluten_free',
      brands: ['Optimum Nutrition|Gold Standard 100% Whey|4990', 'Myprotein|Impact Whey|2990', 'BSN|Syntha-6|3990', 'Geneticlab|Whey Pro|1990',
        'Maxler|100% Golden Whey|2790', 'Bombbar|Whey|1890', 'Ironman|Протеин 80~Protein 80|1690'],
      axes: [PROTEIN_FLAVOURS, [['900 г', '900 g', 1], ['2,27 кг', '2.27 kg', 2.1]]] },
    { ru: 'Протеин растительный', en: 'plant protein', price: 2400, tags: 'vegan gluten_free',
      brands: ['Optimum Nutrition|Gold Standard 100% Plant|3990', 'Myprotein|Vegan Blend|2490', 'Geneticlab|Pea Protein|1790', 'Bombbar|Vegan Protein|1690'],
      axes: [PROTEIN_FLAVOURS.slice(0, 2), [['750 г', '750 g', 1]]] },
    { ru: 'Казеин мицеллярный', en: 'micellar casein', price: 2900, tags: 'vegetarian gluten_free', brands: ['Optimum Nutrition|Gold Standard Casein|4590', 'Maxler|Casein|2990'],
      axes: [PROTEIN_FLAVOURS.slice(0, 2), [['900 г', '900 g', 1]]] },
    { ru: 'Гейнер', en: 'mass gainer', price: 2500, tags: 'vegetarian', brands: ['Optimum Nutrition|Serious Mass|5990', 'Maxler|Special Mass Gainer|2790', 'Geneticlab|Mass Gainer|1690'],
      axes: [PROTEIN_FLAVOURS.slice(0, 2), [['2,7 кг', '2.7 kg', 1]]] },
  ]),
  ...shelf('Спортивное питание/Протеиновые батончики', [
    { ru: 'Батончик протеиновый', en: 'protein bar', price: 99, tags: 'vegetarian sugar_free',
      brands: ['Bombbar', 'Snaq Fabriq', 'FitnesShock', 'Fit Kit', 'Protein Rex', 'Quest'],
      axes: [[['шоколад-брауни', 'chocolate brownie', 1], ['солёная карамель', 'salted caramel', 1], ['арахис', 'peanut', 1, 'contains_nuts'], ['кокос', 'coconut', 1]], [['60 г', '60 g', 1]]] },
    { ru: 'Батончик веганский финиковый', en: 'vegan date bar', price: 89, tags: 'vegan gluten_free', brands: ['Bite', 'Ёлки-Палки'],
      axes: [[['какао', 'cocoa', 1], ['кешью', 'cashew', 1.1, 'contains_nuts']], [['45 г', '45 g', 1]]] },
  ]),
  ...shelf('Спортивное питание/Аминокислоты и креатин', [
    { ru: 'BCAA 2:1:1', en: 'BCAA 2:1:1', price: 1490, tags: 'vegan gluten_free sugar_free', brands: ['Optimum Nutrition', 'Myprotein', 'Maxler', 'Geneticlab', 'Scitec Nutrition'],
      axes: [[['арбуз', 'watermelon', 1], ['лимон', 'lemon', 1], ['без вкуса', 'unflavoured', 0.9]], [['250 г', '250 g', 1]]] },
    { ru: 'Креатин моногидрат', en: 'creatine monohydrate', price: 1190, tags: 'vegan gluten_free sugar_free', brands: ['Optimum Nutrition', 'Myprotein', 'Maxler', 'Geneticlab', 'Be First'],
      axes: [[['300 г', '300 g', 1], ['500 г', '500 g', 1.5]]] },
    { ru: 'L-карнитин жидкий', en: 'liquid L-carnitine', price: 990, tags: 'vegan gluten_free', brands: ['Maxler', 'Be First', 'Geneticlab'],
      axes: [[['вишня', 'cherry', 1], ['цитрус', 'citrus', 1]], [['500 мл', '500 ml', 1]]] },
  ]),
  ...shelf('Спортивное питание/Изотоники и гели', [
    { ru: 'Напиток изотонический', en: 'isotonic sports drink', price: 119, tags: 'vegan gluten_free', brands: ['Powerade', 'Isostar', 'Be First', 'Effective Drink'],
      axes: [[['апельсин', 'orange', 1], ['ягоды', 'berries', 1]], [['0,5 л', '0.5 L', 1]]] },
    { ru: 'Гель энергетический', en: 'energy gel', price: 199, tags: 'vegan gluten_free', brands: ['SiS', 'Maurten', 'Be First', 'Nutrend'],
      axes: [[['лимон', 'lemon', 1], ['кола с кофеином', 'cola with caffeine', 1.1]], [['60 мл', '60 ml', 1]]] },
  ]),
];
