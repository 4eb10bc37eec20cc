import { shelf, type ProductBase } from './product-base.ts';

const DIAPER_SIZES = [['2 (4–8 кг)', 'size 2 (4–8 kg)', 1], ['3 (6–10 кг)', 'size 3 (6–10 kg)', 1.05], ['4 (9–14 кг)', 'size 4 (9–14 kg)', 1.1],
  ['5 (11–16 кг)', 'size 5 (11–16 kg)', 1.15]] as const;
const BASIC_COLOURS = [['чёрный', 'black', 1], ['белый', 'white', 1]] as const;
const CAT_FLAVOURS = [['с курицей', 'chicken', 1], ['с говядиной', 'beef', 1], ['с лососем', 'salmon', 1.1], ['с индейкой', 'turkey', 1.05]] as const;

/** Megamarket household goods. */
export const HOME: ProductBase[] = [
  ...shelf('Дом/Посуда', [
    { ru: 'Сковорода с антипригарным покрытием', en: 'non-stick frying pan', price: 2500, brands: ['Tefal', 'Нева Металл Посуда', 'Rondell', 'Kukmara'],
      axes: [[['24 см', '24 cm', 1], ['28 см', '28 cm', 1.2]]] },
    { ru: 'Кастрюля из нержавеющей стали', en: 'stainless steel saucepan', price: 2200, brands: ['Tefal', 'Rondell', 'Attribute'], axes: [[['3 л', '3 L', 1], ['5 л', '5 L', 1.3]]] },
    { ru: 'Набор контейнеров для еды', en: 'food container set', price: 900, brands: ['Phibo', 'IKEA', 'Lock&Lock'], axes: [[['3 шт', '3 pcs', 1], ['5 шт', '5 pcs', 1.5]]] },
    { ru: 'Кружка керамическая', en: 'ceramic mug', price: 450, brands: ['Home Story', 'Domenik', 'Вкусный дом'], axes: [[['350 мл', '350 ml', 1]], [['белая', 'white', 1], ['серая', 'grey', 1]]] },
  ]),
  ...shelf('Дом/Текстиль', [
    { ru: 'Комплект постельного белья', en: 'bed linen set', price: 3500, brands: ['Ивановский текстиль', 'Cleo', 'Togas', 'Сонно'],
      axes: [[['1,5-спальный', 'single', 1], ['2-спальный', 'double', 1.25], ['евро', 'king', 1.4]], [['сатин', 'sateen', 1.2], ['бязь', 'calico', 1]]] },
    { ru: 'Полотенце махровое', en: 'terry towel', price: 700, brands: ['Cleanelly', 'Togas', 'Ивановский текстиль'],
      axes: [[['50×90 см', '50×90 cm', 1], ['70×140 см', '70×140 cm', 1.7]], [['белое', 'white', 1], ['серое', 'grey', 1]]] },
    { ru: 'Подушка', en: 'pillow', price: 1500, brands: ['Askona', 'Сонно', 'Togas'], axes: [[['50×70 см', '50×70 cm', 1], ['70×70 см', '70×70 cm', 1.15]]] },
  ]),
  ...shelf('Дом/Бытовая химия', [
    { ru: 'Средство для мытья посуды', en: 'dishwashing liquid', price: 250, brands: ['Fairy', 'Synergetic', 'AOS', 'BioMio'],
      axes: [[['лимон', 'lemon', 1], ['без запаха', 'unscented', 1.05]], [['900 мл', '900 ml', 1]]] },
    { ru: 'Гель для стирки', en: 'laundry gel', price: 700, brands: ['Persil', 'Ariel', 'Synergetic', 'Laska', 'BioMio'],
      axes: [[['для белого', 'whites', 1], ['для цветного', 'colours', 1], ['для детского белья', "children's laundry", 1.1, 'kids']], [['1,3 л', '1.3 L', 1]]] },
    { ru: 'Капсулы для посудомоечной машины', en: 'dishwasher tablets', price: 1200, brands: ['Finish', 'Fairy', 'Synergetic'],
      axes: [[['40 шт', '40 pcs', 1], ['100 шт', '100 pcs', 2.1]]] },
    { ru: 'Бумажные полотенца', en: 'paper towels', price: 250, brands: ['Zewa', 'Lotus', 'Familia'], axes: [[['2 рулона', '2 rolls', 1], ['4 рулона', '4 rolls', 1.8]]] },
    { ru: 'Туалетная бумага', en: 'toilet paper', price: 350, brands: ['Zewa', 'Папия', 'Familia', 'Kleenex'], axes: [[['8 рулонов', '8 rolls', 1], ['24 рулона', '24 rolls', 2.6]]] },
  ]),
  ...shelf('Дом/Освещение и хранение', [
    { ru: 'Лампа настольная светодиодная', en: 'LED desk lamp', price: 1800, brands: ['Xiaomi', 'Camelion', 'Gauss', 'Navigator'],
      axes: [BASIC_COLOURS] },
    { ru: 'Лампочка светодиодная', en: 'LED light bulb', price: 120, brands: ['Gauss', 'Philips', 'Navigator', 'ЭРА'],
      axes: [[['E27 10 Вт', 'E27 10 W', 1], ['E14 7 Вт', 'E14 7 W', 0.9]], [['тёплый свет', 'warm white', 1], ['холодный свет', 'cool white', 1]]] },
    { ru: 'Коробка для хранения с крышкой', en: 'storage box with lid', price: 600, brands: ['Econova', 'Idea', 'Keeeper'],
      axes: [[['10 л', '10 L', 1], ['30 л', '30 L', 1.7]], [['прозрачная', 'clear', 1], ['белая', 'white', 1]]] },
    { ru: 'Сушилка для белья напольная', en: 'clothes airer', price: 1800, brands: ['Nika', 'Gimi', 'Leifheit'], axes: [[['18 м', '18 m', 1]]] },
  ]),
];

/** Megamarket children's goods (baby food is shared with Kuper from the pantry list). */
export const KIDS: ProductBase[] = [
  ...shelf('Детские товары/Подгузники', [
    { ru: 'Подгузники', en: 'nappies', price: 1500, tags: 'kids', brands: ['Pampers', 'Huggies', 'Merries', 'Lovular', 'Mepsi', 'YokoSun'],
      axes: [DIAPER_SIZES, [['48 шт', '48 pcs', 1], ['96 шт', '96 pcs', 1.85]]] },
    { ru: 'Подгузники-трусики', en: 'nappy pants', price: 1600, tags: 'kids', brands: ['Pampers', 'Huggies', 'Merries', 'Mepsi'],
      axes: [DIAPER_SIZES.slice(1), [['44 шт', '44 pcs', 1]]] },
  ]),
  ...shelf('Детские товары/Гигиена', [
    { ru: 'Влажные салфетки детские', en: 'baby wipes', price: 199, tags: 'kids', brands: ['Pampers', 'Huggies', 'Мякиш', 'Aura'],
      axes: [[['64 шт', '64 pcs', 1], ['3×64 шт', '3×64 pcs', 2.6]]] },
    { ru: 'Крем под подгузник', en: 'nappy cream', price: 349, tags: 'kids', brands: ['Бепантен', 'Mustela', 'Наша мама'], axes: [[['50 мл', '50 ml', 1]]] },
    { ru: 'Шампунь детский', en: "children's shampoo", price: 249, tags: 'kids', brands: ['Johnson’s Baby', 'Ушастый нянь', 'Bubchen'], axes: [[['300 мл', '300 ml', 1]]] },
  ]),
  ...shelf('Детские товары/Игрушки', [
    { ru: 'Конструктор', en: 'building set', price: 3000, tags: 'kids',
      brands: ['LEGO|City|4999', 'LEGO|Duplo|3999', 'LEGO|Technic|7999', 'Mould King||2999', 'Банда умников||1290'],
      axes: [[['базовый', 'starter', 1], ['большой', 'large', 1.8]]] },
    { ru: 'Машинка', en: 'toy car', price: 700, tags: 'kids', brands: ['Hot Wheels', 'Технопарк', 'Welly', 'Bburago'],
      axes: [[['металлическая', 'die-cast', 1], ['радиоуправляемая', 'remote-controlled', 3.5]]] },
    { ru: 'Кукла', en: 'doll', price: 1500, tags: 'kids', brands: ['Barbie', 'Baby Born', 'Весна', 'Карапуз'], axes: [[['30 см', '30 cm', 1], ['43 см', '43 cm', 1.8]]] },
    { ru: 'Игрушка развивающая', en: 'educational toy', price: 1200, tags: 'kids', brands: ['Fisher-Price', 'Chicco', 'Мякиши', 'Happy Baby'],
      axes: [[['сортер', 'shape sorter', 1], ['музыкальный коврик', 'musical play mat', 2.5], ['погремушка', 'rattle', 0.4]]] },
    { ru: 'Настольная игра', en: 'board game', price: 1500, tags: 'kids', brands: ['Hobby World', 'Простые правила', 'Cosmodrome Games'],
      axes: [[['семейная', 'family', 1], ['для малышей', 'for toddlers', 0.8]]] },
  ]),
  ...shelf('Детские товары/Коляски и автокресла', [
    { ru: 'Коляска прогулочная', en: 'pushchair', price: 12000, tags: 'kids', brands: ['Happy Baby|Umma|14990', 'Yoya|Plus Max|9990', 'Chicco|Goody|24990', 'Babyton|Cosmo|7990'],
      axes: [[['серая', 'grey', 1], ['бежевая', 'beige', 1]]] },
    { ru: 'Автокресло', en: 'child car seat', price: 9000, tags: 'kids', brands: ['Britax Römer|Dualfix|34990', 'Happy Baby|Passenger|8990', 'Siger|Кокон~Kokon|5990', 'Joie|Every Stage|19990'],
      axes: [[['0–18 кг', '0–18 kg', 1], ['9–36 кг', '9–36 kg', 0.9]]] },
  ]),
  ...shelf('Детские товары/Одежда для малышей', [
    { ru: 'Боди детский хлопковый', en: "baby's cotton bodysuit", price: 700, tags: 'kids', brands: ['Крошка Я', 'Happy Baby', 'Lucky Child', 'Bossa Nova'],
      axes: [[['62 см', '62 cm', 1], ['74 см', '74 cm', 1], ['86 см', '86 cm', 1.05]], [['3 шт', '3 pcs', 1]]] },
    { ru: 'Комбинезон демисезонный', en: 'all-season snowsuit', price: 3500, tags: 'kids', brands: ['Premont', 'Oldos', 'Lassie'],
      axes: [[['80 см', '80 cm', 1], ['92 см', '92 cm', 1.05]]] },
  ]),
];

/** Megamarket pet supplies. Pet food carries no human diet tags. */
export const PETS: ProductBase[] = [
  ...shelf('Зоотовары/Корм для кошек', [
    { ru: 'Корм влажный для кошек', en: 'wet cat food', price: 45, brands: ['Whiskas', 'Felix', 'Sheba', 'Perfect Fit', 'Мнямс', 'Мираторг Winner'],
      axes: [CAT_FLAVOURS, [['75 г', '75 g', 1], ['набор 24×75 г', '24×75 g pack', 20]]] },
    { ru: 'Корм сухой для кошек', en: 'dry cat food', price: 1200, brands: ['Purina Pro Plan', 'Royal Canin', 'Whiskas', 'Perfect Fit', 'Brit Premium', 'Грандорф'],
      axes: [CAT_FLAVOURS.slice(0, 3), [['1,5 кг', '1.5 kg', 1], ['400 г', '400 g', 0.35]]] },
    { ru: 'Корм для стерилизованных кошек', en: 'food for neutered cats', price: 1500, brands: ['Purina Pro Plan', 'Royal Canin', 'Perfect Fit', 'Brit Care'],
      axes: [CAT_FLAVOURS.slice(0, 2), [['1,5 кг', '1.5 kg', 1]]] },
  ]),
  ...shelf('Зоотовары/Наполнители', [
    { ru: 'Наполнитель для кошачьего туалета', en: 'cat litter', price: 600, brands: ['Pi-Pi-Bent', 'Catsan', 'N1', 'Cat Step'],
      axes: [[['комкующийся', 'clumping', 1], ['силикагелевый', 'silica gel', 1.4], ['тофу', 'tofu', 1.3]], [['5 л', '5 L', 1], ['10 л', '10 L', 1.8]]] },
  ]),
  ...shelf('Зоотовары/Корм для собак', [
    { ru: 'Корм сухой для собак', en: 'dry dog food', price: 1800, brands: ['Pedigree', 'Purina ONE', 'Royal Canin', 'Brit Premium', 'Chappi', 'Грандорф'],
      axes: [[['для мелких пород', 'small breeds', 1], ['для средних пород', 'medium breeds', 1.1], ['для крупных пород', 'large breeds', 1.2]], [['2 кг', '2 kg', 1], ['10 кг', '10 kg', 4]]] },
    { ru: 'Корм влажный для собак', en: 'wet dog food', price: 69, brands: ['Pedigree', 'Cesar', 'Мираторг Winner'],
      axes: [[['с говядиной', 'beef', 1], ['с курицей', 'chicken', 1]], [['85 г', '85 g', 1]]] },
  ]),
  ...shelf('Зоотовары/Лакомства и игрушки', [
    { ru: 'Лакомство для собак', en: 'dog treats', price: 249, brands: ['Pedigree Denta Stix', 'Titbit', 'Мнямс'], axes: [[['7 шт', '7 pcs', 1]]] },
    { ru: 'Лакомство для кошек', en: 'cat treats', price: 149, brands: ['Dreamies', 'Whiskas', 'GimCat'], axes: [[['60 г', '60 g', 1]]] },
    { ru: 'Когтеточка', en: 'cat scratching post', price: 1200, brands: ['Триол', 'Petshop', 'Zooexpress'], axes: [[['столбик 60 см', 'post 60 cm', 1], ['с домиком', 'with house', 3]]] },
    { ru: 'Поводок-рулетка', en: 'retractable dog lead', price: 1100, brands: ['Flexi', 'Триол', 'Trixie'], axes: [[['5 м', '5 m', 1], ['8 м', '8 m', 1.4]]] },
    { ru: 'Игрушка для собак', en: 'dog toy', price: 399, brands: ['Kong', 'Trixie', 'Триол'], axes: [[['мяч', 'ball', 1], ['канат', 'rope', 1.2]]] },
  ]),
];
