#!/usr/bin/python3
"""png_colours.py FILE -- prints how many distinct colours an 8-bit PNG (RGB or RGBA, as
Chromium's screenshots are) holds, reading it with zlib alone; exits 2 on any other PNG."""
import struct
import sys
import zlib


def colours(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, width, height, depth, ctype, interlace = 8, b'', 0, 0, 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            width, height, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError('only 8-bit RGB or RGBA, not interlaced')
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, seen, i = bytearray(stride), set(), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + pred) & 255
        for x in range(0, stride, bpp * 7):  # every seventh pixel is plenty to count colours
            seen.add(bytes(line[x:x + 3]))
        prev = line
    return len(seen)


if __name__ == '__main__':
    try:
        print(colours(sys.argv[1]))
    except (OSError, ValueError, zlib.error, struct.error) as e:
        print('png_colours: %s: %s' % (sys.argv[1], e), file=sys.stderr)
        sys.exit(2)
