"""Build the explorer's offline world basemap (dateline/web/world.json) from Natural Earth.

Input: the 1:110m "Admin 0 - Countries" shapefile of Natural Earth (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), for example the copy that
geopandas 0.14 ships as ``geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp``
(``pip download --no-deps geopandas==0.14.4`` and unzip the wheel). Output: GeoJSON
with each country's name and ISO alpha-3 code, coordinates rounded to 0.01 degree.

    python scripts/make_basemap.py path/to/naturalearth_lowres.shp dateline/web/world.json
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path


def read_polygons(shp: Path) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings (lists of lon/lat points) from an ESRI shapefile of polygons."""
    data = shp.read_bytes()
    records, offset = [], 100
    while offset < len(data):
        _, length = struct.unpack(">ii", data[offset:offset + 8])
        content = data[offset + 8:offset + 8 + length * 2]
        offset += 8 + length * 2
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type == 0:
            records.append([])
            continue
        if shape_type != 5:
            raise ValueError(f"expected polygons (type 5), found shape type {shape_type}")
        parts, points = struct.unpack("<ii", content[36:44])
        starts = list(struct.unpack(f"<{parts}i", content[44:44 + 4 * parts])) + [points]
        xy = struct.unpack(f"<{2 * points}d", content[44 + 4 * parts:44 + 4 * parts + 16 * points])
        coords = list(zip(xy[0::2], xy[1::2], strict=True))
        records.append([coords[starts[i]:starts[i + 1]] for i in range(parts)])
    return records


def read_table(dbf: Path) -> list[dict[str, str]]:
    """The attribute rows of a dBASE III file, as text."""
    data = dbf.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\x00")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        record = data[header_len + i * record_len:header_len + (i + 1) * record_len]
        row, at = {}, 1  # the first byte is the deletion flag
        for name, width in fields:
            row[name] = record[at:at + width].decode("utf-8", "replace").strip()
            at += width
        rows.append(row)
    return rows


def simplify(ring: list[tuple[float, float]]) -> list[list[float]]:
    """Round to 0.01 degree and drop points that round onto the previous one."""
    out: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, 2), round(lat, 2)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def main(shp: str, out: str) -> None:
    shapes = read_polygons(Path(shp))
    rows = read_table(Path(shp).with_suffix(".dbf"))
    features = []
    for rings, row in zip(shapes, rows, strict=True):
        polygon = [r for r in (simplify(ring) for ring in rings) if len(r) >= 4]
        if not polygon:
            continue
        features.append({"type": "Feature",
                         "properties": {"name": row.get("name"), "iso_a3": row.get("iso_a3")},
                         "geometry": {"type": "MultiPolygon", "coordinates": [[ring] for ring in polygon]}})
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m Admin 0 - Countries (public domain), via geopandas 0.14 "
                  "naturalearth_lowres; simplified by scripts/make_basemap.py",
        "features": features,
    }
    Path(out).write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{len(features)} countries -> {out} ({Path(out).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
