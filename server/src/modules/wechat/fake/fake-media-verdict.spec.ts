import { fakeMediaVerdict } from './fake-wechat-server';

describe('the fake mediaCheckAsync verdict', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it('passes an ordinary image', () => {
    expect(fakeMediaVerdict({ mediaUrl: 'https://v.example/api/proposal-files/1?exp=1&sig=x', fileName: '村口的路.jpg', head: png })).toBe('pass');
  });

  it('reads the markers in the URL, the file name or the first bytes', () => {
    expect(fakeMediaVerdict({ mediaUrl: 'https://v.example/photos/risky-1.jpg', head: png })).toBe('risky');
    expect(fakeMediaVerdict({ mediaUrl: 'https://v.example/photos/1.jpg', fileName: 'Review-me.png', head: png })).toBe('review');
    expect(fakeMediaVerdict({ mediaUrl: 'https://v.example/photos/1.jpg', head: Buffer.concat([png, Buffer.from('RISKY')]) })).toBe('risky');
  });

  it('understands the Chinese markers of the text check, URL-encoded or not', () => {
    expect(fakeMediaVerdict({ mediaUrl: `https://v.example/p/${encodeURIComponent('【违规】图.jpg')}`, head: png })).toBe('risky');
    expect(fakeMediaVerdict({ mediaUrl: 'https://v.example/p/1.jpg', fileName: '【待审】垃圾堆.jpg', head: png })).toBe('review');
  });

  it('lets risky win over review', () => {
    expect(fakeMediaVerdict({ mediaUrl: 'https://v.example/review/risky.jpg', head: png })).toBe('risky');
  });

  it('wants review for an image it could not download', () => {
    expect(fakeMediaVerdict({ mediaUrl: 'https://v.example/p/1.jpg', head: null })).toBe('review');
  });
});
