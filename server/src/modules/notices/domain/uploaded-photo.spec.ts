import { checkUploadedPhoto } from './uploaded-photo';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const PDF = Buffer.from('%PDF-1.4');

const file = (originalname: string, buffer: Buffer) => ({ originalname, size: buffer.length, buffer });

describe('checkUploadedPhoto', () => {
  it('accepts a JPEG or PNG by its content', () => {
    expect(checkUploadedPhoto(file('a.jpg', JPEG), 1024)).toEqual({ ok: true, type: 'image/jpeg', name: 'a.jpg', buffer: JPEG });
    expect(checkUploadedPhoto(file('photo', PNG), 1024)).toEqual({ ok: true, type: 'image/png', name: 'photo', buffer: PNG });
  });

  it('refuses a missing file, one too large, another type, and a name that claims another type', () => {
    expect(checkUploadedPhoto(undefined, 1024)).toMatchObject({ ok: false, problem: 'missing' });
    expect(checkUploadedPhoto(file('a.jpg', Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)])), 1024 * 1024)).toMatchObject({ ok: false, problem: 'too_large', message: expect.stringContaining('最大 1 MB') });
    expect(checkUploadedPhoto(file('a.jpg', PDF), 1024)).toMatchObject({ ok: false, problem: 'type' });
    expect(checkUploadedPhoto(file('a.png', JPEG), 1024)).toMatchObject({ ok: false, problem: 'type', message: expect.stringContaining('文件名是PNG 图片，但内容是JPG 图片') });
  });
});
