import { shelf, type ProductBase, type VariantOption } from './product-base.ts';

const PHONE_COLOURS: VariantOption[] = [['чёрный', 'black', 1], ['синий', 'blue', 1], ['серебристый', 'silver', 1.02]];
const PHONE_MEMORY: VariantOption[] = [['8/128 ГБ', '8/128 GB', 1], ['8/256 ГБ', '8/256 GB', 1.15]];
const BASIC_COLOURS: VariantOption[] = [['чёрный', 'black', 1], ['белый', 'white', 1]];

/** Megamarket electronics and household appliances. */
export const ELECTRONICS: ProductBase[] = [
  ...shelf('Электроника/Смартфоны', [
    { ru: 'Смартфон', en: 'smartphone', price: 20000, axes: [PHONE_MEMORY, PHONE_COLOURS],
      brands: ['Samsung|Galaxy A55|38999', 'Samsung|Galaxy A35|29999', 'Samsung|Galaxy S24|69999', 'Xiaomi|Redmi Note 13|19999',
        'Xiaomi|Redmi 13C|11999', 'Xiaomi|14T|49999', 'POCO|X6 Pro|29999', 'realme|12 Pro|27999', 'HONOR|X8b|18999', 'HONOR|200|39999',
        'TECNO|Spark 20|12999', 'Infinix|Note 40|17999', 'Apple|iPhone 15|79999', 'Apple|iPhone 16 Pro|119999', 'Google|Pixel 8a|44999'] },
  ]),
  ...shelf('Электроника/Планшеты', [
    { ru: 'Планшет', en: 'tablet', price: 20000, axes: [[['128 ГБ', '128 GB', 1], ['256 ГБ', '256 GB', 1.18]], [['серый', 'grey', 1]]],
      brands: ['Samsung|Galaxy Tab S9 FE|39999', 'Xiaomi|Pad 6|29999', 'Xiaomi|Redmi Pad SE|15999', 'Apple|iPad 10.9|44999',
        'HUAWEI|MatePad 11.5|27999', 'Lenovo|Tab P12|31999'] },
  ]),
  ...shelf('Электроника/Ноутбуки', [
    { ru: 'Ноутбук', en: 'laptop', price: 60000, axes: [[['16/512 ГБ', '16/512 GB', 1], ['16/1024 ГБ', '16/1024 GB', 1.12]], [['серый', 'grey', 1]]],
      brands: ['ASUS|Vivobook 15|54999', 'ASUS|TUF Gaming F15|89999', 'Lenovo|IdeaPad Slim 3|49999', 'Lenovo|Legion 5|129999',
        'HUAWEI|MateBook D16|64999', 'HONOR|MagicBook X16|52999', 'Apple|MacBook Air 13 M3|129999', 'Acer|Aspire 5|47999',
        'MSI|Modern 15|45999', 'Machenike|S16|79999', 'Digma|Pro Fortis|34999'] },
  ]),
  ...shelf('Электроника/Наушники', [
    { ru: 'Наушники беспроводные', en: 'wireless earbuds', price: 5000, axes: [BASIC_COLOURS],
      brands: ['Apple|AirPods Pro 2|22999', 'Apple|AirPods 4|14999', 'Samsung|Galaxy Buds3|12999', 'Xiaomi|Redmi Buds 5|2999',
        'Xiaomi|Buds 5 Pro|9999', 'JBL|Tune Beam|6999', 'Sony|WF-C700N|8999', 'HONOR|Choice Earbuds X5|2499', 'Soundcore|Liberty 4 NC|7999'] },
    { ru: 'Наушники полноразмерные', en: 'over-ear headphones', price: 10000, axes: [BASIC_COLOURS],
      brands: ['Sony|WH-1000XM5|34999', 'Sony|WH-CH720N|11999', 'JBL|Tune 770NC|8999', 'Marshall|Major V|13999', 'Sennheiser|Accentum|14999'] },
  ]),
  ...shelf('Электроника/Умные часы и браслеты', [
    { ru: 'Умные часы', en: 'smartwatch', price: 10000, axes: [[['чёрный', 'black', 1], ['серебристый', 'silver', 1]]],
      brands: ['Apple|Watch SE 44 мм~Watch SE 44 mm|27999', 'Samsung|Galaxy Watch7|24999', 'Xiaomi|Watch S3|12999', 'HUAWEI|Watch GT 5|19999',
        'Amazfit|GTR 4|14999', 'Garmin|Forerunner 165|32999'] },
    { ru: 'Фитнес-браслет', en: 'fitness band', price: 3000, axes: [[['чёрный', 'black', 1], ['розовый', 'pink', 1]]],
      brands: ['Xiaomi|Smart Band 9|3999', 'HUAWEI|Band 9|3999', 'Amazfit|Band 7|2999', 'HONOR|Band 9|3499'] },
  ]),
  ...shelf('Электроника/Телевизоры', [
    { ru: 'Телевизор', en: 'TV', price: 30000, axes: [[['43"', '43"', 1], ['55"', '55"', 1.45], ['65"', '65"', 2]]],
      brands: ['Samsung|Crystal UHD 4K|37999', 'LG|UHD 4K|34999', 'Xiaomi|TV A Pro|27999', 'Haier|Smart TV S1|25999',
        'TCL|QLED C655|32999', 'Hisense|A6K|26999', 'Яндекс|ТВ Станция~TV Station|29999', 'Sber|SDX|22999'] },
  ]),
  ...shelf('Электроника/Аксессуары', [
    { ru: 'Внешний аккумулятор', en: 'power bank', price: 2000, axes: [[['10000 мА·ч', '10000 mAh', 1], ['20000 мА·ч', '20000 mAh', 1.5]], BASIC_COLOURS],
      brands: ['Xiaomi|Power Bank|1999', 'Baseus|Bipow|1799', 'Anker|PowerCore|2999', 'Ugreen|Nexode|2599', 'Borofone|BJ38|1299'] },
    { ru: 'Зарядное устройство USB-C', en: 'USB-C charger', price: 1500, axes: [[['20 Вт', '20 W', 1], ['65 Вт', '65 W', 1.8]]],
      brands: ['Apple||1999', 'Samsung||1490', 'Baseus||1290', 'Ugreen||1390', 'Anker||1690'] },
    { ru: 'Кабель USB-C — USB-C', en: 'USB-C to USB-C cable', price: 600, axes: [[['1 м', '1 m', 1], ['2 м', '2 m', 1.3]]],
      brands: ['Baseus', 'Ugreen', 'Anker', 'Xiaomi', 'Defender'] },
    { ru: 'Чехол для смартфона', en: 'phone case', price: 800, axes: [[['iPhone 15', 'iPhone 15', 1], ['Galaxy A55', 'Galaxy A55', 1], ['Redmi Note 13', 'Redmi Note 13', 0.9]]],
      brands: ['Spigen', 'Baseus', 'Borasco', 'uBear'] },
  ]),
  ...shelf('Электроника/Умный дом', [
    { ru: 'Умная колонка', en: 'smart speaker', price: 8000, axes: [[['чёрный', 'black', 1], ['бежевый', 'beige', 1]]],
      brands: ['Яндекс|Станция Мини 3~Station Mini 3|7990', 'Яндекс|Станция Макс~Station Max|29990', 'Яндекс|Станция Лайт 2~Station Lite 2|5990', 'VK|Капсула Нео~Capsula Neo|5990', 'Sber|Boom Mini|4990'] },
    { ru: 'Портативная колонка', en: 'portable speaker', price: 6000, axes: [[['чёрный', 'black', 1], ['синий', 'blue', 1]]],
      brands: ['JBL|Flip 6|11999', 'JBL|Go 4|4499', 'Marshall|Emberton II|16999', 'Xiaomi|Sound Outdoor|4999', 'Tronsmart|T7|5999'] },
    { ru: 'Умная лампа', en: 'smart bulb', price: 900, axes: [[['E27', 'E27', 1], ['E14', 'E14', 1]]], brands: ['Яндекс', 'Xiaomi', 'Sber', 'Aqara'] },
  ]),
  ...shelf('Электроника/Игровые консоли', [
    { ru: 'Игровая консоль', en: 'games console', price: 40000, axes: [[['стандартная', 'standard', 1]]],
      brands: ['Sony|PlayStation 5 Slim|64999', 'Microsoft|Xbox Series S|34999', 'Nintendo|Switch OLED|32999', 'Valve|Steam Deck OLED|59999'] },
    { ru: 'Геймпад беспроводной', en: 'wireless gamepad', price: 5000, axes: [BASIC_COLOURS],
      brands: ['Sony|DualSense|6999', 'Microsoft|Xbox Wireless Controller|5999', '8BitDo|Ultimate|3999', 'Defender||1499'] },
  ]),
  ...shelf('Электроника/Компьютерная периферия', [
    { ru: 'Монитор', en: 'monitor', price: 15000, axes: [[['24"', '24"', 1], ['27"', '27"', 1.35]]],
      brands: ['Samsung|Odyssey G3|17999', 'LG|UltraGear|16999', 'Xiaomi|Mi Desktop Monitor|11999', 'AOC|24G2|13999', 'Acer|Nitro|14999'] },
    { ru: 'Мышь беспроводная', en: 'wireless mouse', price: 1500, axes: [BASIC_COLOURS],
      brands: ['Logitech|M185|1290', 'Logitech|MX Master 3S|9990', 'Xiaomi|Mi Silent Mouse|1190', 'Defender||690', 'A4Tech||990'] },
    { ru: 'Клавиатура механическая', en: 'mechanical keyboard', price: 5000, axes: [[['красные свитчи', 'red switches', 1], ['коричневые свитчи', 'brown switches', 1]]],
      brands: ['Logitech|G413|6990', 'Red Square|Keyrox TKL|4990', 'ARDOR GAMING|Patriot|3490', 'Keychron|K2|8990'] },
    { ru: 'Роутер Wi-Fi 6', en: 'Wi-Fi 6 router', price: 4000, axes: [[['AX1500', 'AX1500', 1], ['AX3000', 'AX3000', 1.5]]],
      brands: ['TP-Link|Archer|3990', 'Keenetic|Hopper|6990', 'Xiaomi|Router AX3000T|3490', 'ASUS|RT-AX|7990'] },
    { ru: 'Электронная книга', en: 'e-reader', price: 12000, axes: [[['6"', '6"', 1], ['7"', '7"', 1.25]]],
      brands: ['PocketBook|Verse|11990', 'PocketBook|Era|17990', 'ONYX BOOX|Poke 5|16990', 'Digma||6990'] },
  ]),
  ...shelf('Бытовая техника/Техника для кухни', [
    { ru: 'Чайник электрический', en: 'electric kettle', price: 2500, axes: [[['1,7 л', '1.7 L', 1]], BASIC_COLOURS],
      brands: ['Polaris', 'Redmond', 'Tefal', 'Xiaomi', 'Kitfort', 'Bosch'] },
    { ru: 'Блендер погружной', en: 'hand blender', price: 3500, axes: [[['800 Вт', '800 W', 1], ['1000 Вт', '1000 W', 1.25]]],
      brands: ['Braun', 'Polaris', 'Philips', 'Kitfort', 'Redmond'] },
    { ru: 'Кофемашина автоматическая', en: 'bean-to-cup coffee machine', price: 45000, axes: [[['чёрный', 'black', 1]]],
      brands: ["De'Longhi|Magnifica S|42999", 'Philips|Series 2200|38999', 'Polaris|PACM 2080AC|29999', 'Jura|E4|89999'] },
    { ru: 'Мультиварка', en: 'multicooker', price: 6000, axes: [[['5 л', '5 L', 1]]], brands: ['Redmond', 'Polaris', 'Tefal', 'Moulinex'] },
    { ru: 'Аэрогриль', en: 'air fryer', price: 7000, axes: [[['4 л', '4 L', 1], ['6 л', '6 L', 1.3]]], brands: ['Xiaomi', 'Tefal', 'Kitfort', 'Polaris', 'Cosori'] },
  ]),
  ...shelf('Бытовая техника/Уборка', [
    { ru: 'Робот-пылесос', en: 'robot vacuum cleaner', price: 25000, axes: [[['с влажной уборкой', 'with mopping', 1]], BASIC_COLOURS],
      brands: ['Xiaomi|Robot Vacuum S10|19999', 'Dreame|L10s Ultra|49999', 'Roborock|Q7 Max|32999', 'Polaris|PVCR 3200|15999', 'Tefal|X-plorer 75|29999'] },
    { ru: 'Пылесос вертикальный беспроводной', en: 'cordless stick vacuum', price: 15000, axes: [[['серый', 'grey', 1]]],
      brands: ['Dyson|V15 Detect|69999', 'Dreame|R10|19999', 'Xiaomi|G11|24999', 'Kitfort|KT-5177|9999', 'Tefal|X-Force 8.60|34999'] },
  ]),
];
