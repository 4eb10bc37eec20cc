import { shelf, type ProductBase } from './product-base.ts';

// Samokat's own kitchens; "Кухня на районе" is its real ready-food label, the rest are invented.
const KITCHENS = ['Кухня на районе', 'Самокат', 'Вкусвилл', 'Фуд Лаб', 'Готово!'];
const PORTION = [['порция', 'portion', 1]] as const;

/** Samokat's ready-to-eat shelves. */
export const READY_FOOD: ProductBase[] = [
  ...shelf('Готовая еда/Салаты', [
    { ru: 'Салат Цезарь с курицей', en: 'chicken Caesar salad', price: 299, tags: 'meat', brands: KITCHENS, axes: [[['220 г', '220 g', 1]]] },
    { ru: 'Салат Оливье с ветчиной', en: 'Olivier salad with ham', price: 219, tags: 'meat', brands: KITCHENS, axes: [[['250 г', '250 g', 1]]] },
    { ru: 'Салат Греческий', en: 'Greek salad', price: 239, tags: 'vegetarian gluten_free', brands: KITCHENS, axes: [[['200 г', '200 g', 1]]] },
    { ru: 'Салат с киноа и авокадо', en: 'quinoa and avocado salad', price: 319, tags: 'vegan gluten_free', brands: KITCHENS, axes: [[['200 г', '200 g', 1]]] },
    { ru: 'Винегрет', en: 'vinegret beetroot salad', price: 149, tags: 'vegan gluten_free', brands: KITCHENS, axes: [[['250 г', '250 g', 1]]] },
    { ru: 'Салат с тунцом', en: 'tuna salad', price: 289, tags: 'fish gluten_free', brands: KITCHENS, axes: [[['200 г', '200 g', 1]]] },
  ]),
  ...shelf('Готовая еда/Супы', [
    { ru: 'Борщ с говядиной', en: 'beef borscht', price: 249, tags: 'meat gluten_free', brands: KITCHENS, axes: [[['350 г', '350 g', 1]]] },
    { ru: 'Суп куриный с лапшой', en: 'chicken noodle soup', price: 219, tags: 'meat', brands: KITCHENS, axes: [[['350 г', '350 g', 1]]] },
    { ru: 'Крем-суп тыквенный на кокосовом молоке', en: 'pumpkin and coconut cream soup', price: 229, tags: 'vegan gluten_free', brands: KITCHENS,
      axes: [[['300 г', '300 g', 1]]] },
    { ru: 'Суп чечевичный', en: 'lentil soup', price: 199, tags: 'vegan gluten_free', brands: KITCHENS, axes: [[['350 г', '350 g', 1]]] },
    { ru: 'Том ям с креветками', en: 'tom yum with prawns', price: 389, tags: 'fish spicy', brands: KITCHENS, axes: [[['350 г', '350 g', 1]]] },
  ]),
  ...shelf('Готовая еда/Горячие блюда', [
    { ru: 'Паста карбонара с беконом', en: 'pasta carbonara with bacon', price: 329, tags: 'meat', brands: KITCHENS, axes: [[['300 г', '300 g', 1]]] },
    { ru: 'Курица терияки с рисом', en: 'teriyaki chicken with rice', price: 339, tags: 'meat', brands: KITCHENS, axes: [[['320 г', '320 g', 1]]] },
    { ru: 'Плов с говядиной', en: 'beef plov', price: 319, tags: 'meat gluten_free halal', brands: KITCHENS, axes: [[['300 г', '300 g', 1]]] },
    { ru: 'Гречка с грибами', en: 'buckwheat with mushrooms', price: 199, tags: 'vegan gluten_free', brands: KITCHENS, axes: [[['300 г', '300 g', 1]]] },
    { ru: 'Котлеты из индейки с пюре', en: 'turkey patties with mashed potatoes', price: 349, tags: 'meat', brands: KITCHENS,
      axes: [[['300 г', '300 g', 1]]] },
    { ru: 'Лосось с овощами на пару', en: 'steamed salmon with vegetables', price: 549, tags: 'fish gluten_free', brands: KITCHENS,
      axes: [[['280 г', '280 g', 1]]] },
    { ru: 'Карри овощное с нутом', en: 'vegetable and chickpea curry', price: 289, tags: 'vegan gluten_free spicy', brands: KITCHENS,
      axes: [[['300 г', '300 g', 1]]] },
    { ru: 'Лазанья болоньезе', en: 'lasagne bolognese', price: 369, tags: 'meat', brands: KITCHENS, axes: [[['300 г', '300 g', 1]]] },
  ]),
  ...shelf('Готовая еда/Завтраки', [
    { ru: 'Сырники со сметаной', en: 'syrniki with sour cream', price: 229, tags: 'vegetarian', brands: KITCHENS, axes: [[['200 г', '200 g', 1]]] },
    { ru: 'Каша овсяная на растительном молоке', en: 'oat porridge with plant milk', price: 169, tags: 'vegan', brands: KITCHENS,
      axes: [[['с ягодами', 'with berries', 1], ['с бананом', 'with banana', 1]]] },
    { ru: 'Омлет с овощами', en: 'vegetable omelette', price: 199, tags: 'vegetarian gluten_free', brands: KITCHENS, axes: [PORTION] },
    { ru: 'Гранола с йогуртом и ягодами', en: 'granola with yoghurt and berries', price: 189, tags: 'vegetarian contains_nuts', brands: KITCHENS,
      axes: [[['200 г', '200 g', 1]]] },
  ]),
  ...shelf('Готовая еда/Сэндвичи и роллы', [
    { ru: 'Сэндвич с ветчиной и сыром', en: 'ham and cheese sandwich', price: 179, tags: 'meat', brands: KITCHENS, axes: [[['180 г', '180 g', 1]]] },
    { ru: 'Сэндвич с тунцом', en: 'tuna sandwich', price: 199, tags: 'fish', brands: KITCHENS, axes: [[['180 г', '180 g', 1]]] },
    { ru: 'Шаурма с курицей', en: 'chicken shawarma', price: 259, tags: 'meat', brands: KITCHENS,
      axes: [[['классическая', 'classic', 1], ['острая', 'spicy', 1, 'spicy']]] },
    { ru: 'Ролл с фалафелем', en: 'falafel wrap', price: 229, tags: 'vegan', brands: KITCHENS, axes: [[['220 г', '220 g', 1]]] },
    { ru: 'Сэндвич с моцареллой и томатами', en: 'mozzarella and tomato sandwich', price: 189, tags: 'vegetarian', brands: KITCHENS,
      axes: [[['170 г', '170 g', 1]]] },
  ]),
  ...shelf('Готовая еда/Пицца', [
    { ru: 'Пицца', en: 'pizza', price: 449, brands: KITCHENS,
      axes: [[['Маргарита', 'Margherita', 1, 'vegetarian'], ['Пепперони', 'Pepperoni', 1.15, 'meat spicy'], ['Четыре сыра', 'Four cheese', 1.2, 'vegetarian'],
        ['с ветчиной и грибами', 'ham & mushroom', 1.1, 'meat']], [['30 см', '30 cm', 1], ['25 см', '25 cm', 0.75]]] },
  ]),
  ...shelf('Готовая еда/Суши и роллы', [
    { ru: 'Ролл Филадельфия', en: 'Philadelphia roll', price: 549, tags: 'fish', brands: KITCHENS, axes: [[['8 шт', '8 pcs', 1]]] },
    { ru: 'Ролл Калифорния', en: 'California roll', price: 429, tags: 'fish', brands: KITCHENS, axes: [[['8 шт', '8 pcs', 1]]] },
    { ru: 'Ролл с огурцом и авокадо', en: 'cucumber and avocado roll', price: 299, tags: 'vegan', brands: KITCHENS, axes: [[['8 шт', '8 pcs', 1]]] },
  ]),
  ...shelf('Готовая еда/Боулы', [
    { ru: 'Поке с лососем', en: 'salmon poke bowl', price: 499, tags: 'fish', brands: KITCHENS, axes: [PORTION] },
    { ru: 'Боул с тофу и овощами', en: 'tofu and vegetable bowl', price: 359, tags: 'vegan', brands: KITCHENS, axes: [PORTION] },
    { ru: 'Боул с курицей и булгуром', en: 'chicken and bulgur bowl', price: 379, tags: 'meat', brands: KITCHENS, axes: [PORTION] },
  ]),
];
