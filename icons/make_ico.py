"""Writes a Windows .ico holding the given PNG images (PNG-compressed entries, Vista and later).

Usage: python3 make_ico.py OUT.ico IN-16.png IN-32.png ...
"""
import struct
import sys


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def main(out, inputs):
    images = [open(p, "rb").read() for p in inputs]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, payload = b"", b""
    for data in images:
        w, h = png_size(data)
        # 256 is written as 0 in the one-byte width and height fields.
        entries += struct.pack("<BBBBHHII", w % 256, h % 256, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    with open(out, "wb") as f:
        f.write(header + entries + payload)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
