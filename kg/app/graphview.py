"""Draw a network (kg.views.network) with the streamlit-echarts component and report clicks."""
from __future__ import annotations

import streamlit as st

from ..views.network import CLICK_HANDLER, build_network_option
from .widgets import CJK_FONT

__all__ = ["show_network"]


def show_network(nodes: list[dict], edges: list[dict], *, key: str, center: str | None = None,
                 height: int = 560, width: int = 700) -> str | None:
    """Draw the network; return the id of a node clicked since the last run (else None).

    ``width`` is the box's expected width in pixels: with the height it keeps circles round.
    """
    # lazy: importing it registers a component, which needs a running Streamlit (the doctests import this module bare)
    from streamlit_echarts import st_echarts

    # the drawing area: the box less the legend above (44 px), 16 px below, 16 px left and 120 px right
    option = build_network_option(nodes, edges, center=center, font=CJK_FONT,
                                  aspect=max(width - 136, 100) / max(height - 60, 100))
    value = st_echarts(option, events={"click": CLICK_HANDLER}, height=f"{height}px", key=key,
                       theme="streamlit")
    event = (value or {}).get("chart_event") if hasattr(value, "get") else None
    if not event or not isinstance(event, (list, tuple)) or len(event) != 2:
        return None
    node, stamp = event
    seen_key = f"{key}_seen_click"
    if st.session_state.get(seen_key) == stamp:
        return None
    st.session_state[seen_key] = stamp
    return node
