import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masking', () => {
  it('keeps the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });

  it('hides an 18-digit ID number but its first 4 and last 4', () => {
    expect(maskIdNumber('14043119900101123X')).toBe('1404**********123X');
  });

  it('hides short values entirely and passes null', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('maskName', () => {
  it.each([
    ['张三明', '张*明'],
    ['张三', '张*'],
    ['欧阳小明', '欧**明'],
    ['王', '*'],
    [' 李建平 ', '李*平'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
