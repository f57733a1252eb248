import { maskNumbersInText } from './mask-text';

describe('maskNumbersInText', () => {
  it('masks phone and ID numbers however they are written', () => {
    expect(maskNumbersInText('我的手机号应该是13912345678，不是别的')).toBe('我的手机号应该是139****5678，不是别的');
    expect(maskNumbersInText('号码 139 1234 5678')).toBe('号码 139****5678');
    expect(maskNumbersInText('身份证 11010519491231002x 错了')).toBe('身份证 1101**********002X 错了');
    expect(maskNumbersInText('旧证 110105491231002')).toBe('旧证 1101*******1002');
    expect(maskNumbersInText('银行卡 6222021234567890')).toBe('银行卡 62************90');
    expect(maskNumbersInText('座机 0351-1234567')).toBe('座机 03*******67');
  });

  it('leaves dates, house numbers and short numbers alone', () => {
    const text = '我 1968 年 3 月 12 日出生，住 12 号，户号 0012，分机 0351-12';
    expect(maskNumbersInText(text)).toBe(text);
    expect(maskNumbersInText('生日是 1968-03-12')).toBe('生日是 1968-03-12');
  });
});
