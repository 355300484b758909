import { SNIFF_LENGTH, sniffType } from './magic-bytes';

describe('sniffType', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'))).toBe('application/pdf');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toBe('image/png');
    expect(SNIFF_LENGTH).toBe(8);
  });

  it('refuses anything else, whatever its name would say', () => {
    expect(sniffType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeUndefined(); // Windows executable
    expect(sniffType(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeUndefined(); // .docx (zip)
    expect(sniffType(Buffer.from(' %PDF-1.4'))).toBeUndefined(); // the signature must come first
    expect(sniffType(Buffer.from('%PDF', 'latin1'))).toBeUndefined(); // too short to tell
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).toBeUndefined(); // truncated PNG signature
    expect(sniffType(Buffer.alloc(0))).toBeUndefined();
  });

  it('reads a view into a larger buffer from its own offset', () => {
    const whole = Buffer.concat([Buffer.from('xxxx'), Buffer.from('%PDF-1.4')]);
    expect(sniffType(whole.subarray(4))).toBe('application/pdf');
    expect(sniffType(new Uint8Array(whole.buffer, whole.byteOffset, 4))).toBeUndefined();
  });
});
