import { attachmentFileName, claimedAttachmentType, decodeUploadedName, detectAttachmentType } from './attachment-file';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');

describe('detectAttachmentType', () => {
  it('knows JPEG, PNG and PDF by their first bytes', () => {
    expect(detectAttachmentType(JPEG)).toBe('image/jpeg');
    expect(detectAttachmentType(PNG)).toBe('image/png');
    expect(detectAttachmentType(PDF)).toBe('application/pdf');
  });

  it('refuses everything else, including near misses and empty files', () => {
    expect(detectAttachmentType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectAttachmentType(Buffer.from('%PDF'))).toBeNull();
    expect(detectAttachmentType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(detectAttachmentType(Buffer.from('GIF89a'))).toBeNull();
    expect(detectAttachmentType(Buffer.alloc(0))).toBeNull();
    expect(detectAttachmentType(Buffer.from(' %PDF-1.7'))).toBeNull();
  });
});

describe('claimedAttachmentType', () => {
  it('reads the extension, any case', () => {
    expect(claimedAttachmentType('明细.PDF')).toBe('application/pdf');
    expect(claimedAttachmentType('photo.jpeg')).toBe('image/jpeg');
    expect(claimedAttachmentType('photo.JPG')).toBe('image/jpeg');
    expect(claimedAttachmentType('scan.png')).toBe('image/png');
    expect(claimedAttachmentType('readme.txt')).toBeNull();
    expect(claimedAttachmentType('noext')).toBeNull();
  });
});

describe('attachmentFileName', () => {
  it('keeps a good name', () => {
    expect(attachmentFileName('2026年第三季度财务收支明细.pdf', 'application/pdf')).toBe('2026年第三季度财务收支明细.pdf');
  });

  it('strips paths and control characters, and adds the extension of the real type', () => {
    expect(attachmentFileName('C:\\Users\\村委\\照片', 'image/jpeg')).toBe('照片.jpg');
    expect(attachmentFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(attachmentFileName('a"b\u0000c.png', 'image/png')).toBe('abc.png');
    expect(attachmentFileName('', 'application/pdf')).toBe('附件.pdf');
  });

  it('shortens a long name but keeps its extension', () => {
    const name = attachmentFileName(`${'很'.repeat(200)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('decodeUploadedName', () => {
  it('turns UTF-8 read as Latin-1 back into Chinese, leaves other names alone', () => {
    const mangled = Buffer.from('财务明细.pdf', 'utf8').toString('latin1');
    expect(decodeUploadedName(mangled)).toBe('财务明细.pdf');
    expect(decodeUploadedName('财务明细.pdf')).toBe('财务明细.pdf');
    expect(decodeUploadedName('plain.pdf')).toBe('plain.pdf');
    expect(decodeUploadedName('caf\u00e9.pdf')).toBe('caf\u00e9.pdf');
  });
});
