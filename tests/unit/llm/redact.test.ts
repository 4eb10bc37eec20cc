import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../../core/privacy/redact.ts';

describe('redactPersonalData', () => {
  it('removes phones, e-mails, card numbers and addresses', () => {
    const { text, found } = redactPersonalData(
      'Позвоните +7 (916) 123-45-67 или 8 916 765 43 21, почта ivan.petrov@mail.ru, карта 4111 1111 1111 1111, адрес ул. Ленина, д. 5, кв. 12',
    );
    expect(text).not.toMatch(/916|ivan|4111|Ленина/);
    expect(found).toEqual({ phone: 2, email: 1, card: 1, address: 1 });
  });

  it('keeps prices, quantities and non-Luhn digit runs', () => {
    const input = 'найди молоко до 500 рублей, 2 кг, заказ 1234567890123';
    expect(redactPersonalData(input).text).toBe(input.replace('1234567890123', '[phone]'));
    expect(redactPersonalData('купи 2 пачки за 300 ₽').text).toBe('купи 2 пачки за 300 ₽');
  });

  it('handles English addresses', () => {
    expect(redactPersonalData('deliver to 221 Baker Street, Apt 2 please').text).toBe('deliver to [address] please');
  });
});
