"""Projection, TopoJSON decoding, antimeridian splitting and the packaged world shapes."""

from __future__ import annotations

import re

import pytest

from newsarchive.views.geo import (
    EQUAL_EARTH_X_MAX,
    EQUAL_EARTH_Y_MAX,
    decode_arcs,
    equal_earth,
    path_data,
    simplify,
    small_country_points,
    split_antimeridian,
    stitch,
    world_shapes,
)


def test_equal_earth_origin_edges_and_symmetry():
    assert equal_earth(0, 0) == (0.0, 0.0)
    assert equal_earth(180, 0)[0] == pytest.approx(EQUAL_EARTH_X_MAX)
    assert equal_earth(0, 90)[1] == pytest.approx(EQUAL_EARTH_Y_MAX)
    x, y = equal_earth(30, 45)
    assert equal_earth(-30, -45) == pytest.approx((-x, -y))


def test_quantized_arcs_are_delta_decoded_and_reversed_arcs_stitched():
    topology = {
        "transform": {"scale": [1, 2], "translate": [10, 20]},
        "arcs": [[[0, 0], [1, 0], [0, 1]], [[1, 1], [-1, -1]]],
    }
    arcs = decode_arcs(topology)
    assert arcs[0] == [(10, 20), (11, 20), (11, 22)]
    assert arcs[1] == [(11, 22), (10, 20)]
    assert stitch([0, 1], arcs) == [(10, 20), (11, 20), (11, 22), (10, 20)]
    assert stitch([~1], arcs) == [(10, 20), (11, 22)]


def test_simplify_keeps_ends_and_corners_only():
    line = [(0, 0), (1, 0.1), (2, 0), (2, 5), (2.05, 6), (2, 10)]
    assert simplify(line, 0.5) == [(0, 0), (2, 0), (2, 10)]


def test_ring_across_the_antimeridian_is_split_on_both_sides():
    ring = [(179, -16), (-179, -16), (-179, -17), (179, -17), (179, -16)]
    pieces = split_antimeridian(ring)
    assert len(pieces) == 2
    assert all(-180 <= lon <= 180 for piece in pieces for lon, _ in piece)
    assert {max(lon for lon, _ in pieces[0]), min(lon for lon, _ in pieces[1])} == {180, -180}


def test_path_data_is_relative_and_closed():
    assert path_data([[(1, 2), (4, 2), (4, -1)]]) == "M1 2l3 0l0-3z"


def test_world_shapes_cover_the_countries_inside_the_frame():
    shapes, height = world_shapes(960)
    codes = [s.code for s in shapes if s.code]
    assert len(codes) == len(set(codes)) > 160
    assert {"US", "FR", "PK", "XK", "FJ", "RU", "EG"} <= set(codes)
    assert "AQ" not in codes
    for shape in shapes:
        x, y = (int(v) for v in re.match(r"M(-?\d+) (-?\d+)", shape.path).groups())
        assert 0 <= x <= 960 and 0 <= y <= height, shape.name
    assert world_shapes(960) is world_shapes(960)


def test_small_countries_get_a_point_on_the_map():
    points = small_country_points(960)
    assert {"MT", "SG", "BH", "MU"} <= set(points)
    x, y = points["SG"]
    assert 0 < x < 960 and 0 < y < world_shapes(960)[1]
