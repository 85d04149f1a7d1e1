"""数据: add report files (upload or folder), build with progress and per-file errors, Neo4j, exports."""
from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from kg.app.state import build_into_graph, check_neo4j, get_counts, get_facts, get_graph, graph_path, neo4j_settings
from kg.errors import GraphBusy, KGError
from kg.store.exports import export_bytes
from kg.views.export import GRAPH_EXPORT_LABELS

UPLOAD_TYPES = ["txt", "docx", "pdf", "jsonl"]

st.title("数据")
facts = get_facts()
st.caption(f"当前图谱文件：{graph_path()} · {len(facts.documents)} 篇文档 · {get_counts()[0]} 个节点")


def _safe_name(name: str) -> str:
    name = Path(name).name
    return re.sub(r"[^\w.\-（）()\u4e00-\u9fff]", "_", name) or "upload.txt"


def _show_summary(summary: dict) -> None:
    cols = st.columns(4)
    cols[0].metric("新增文档", len(summary["added"]))
    cols[1].metric("更新文档", len(summary["updated"]))
    cols[2].metric("未变文档", len(summary["unchanged"]))
    cols[3].metric("移除文档", len(summary["removed"]))
    st.caption(f"读取 {summary['files_read']} 个文件，{summary['files_unchanged']} 个未变化跳过，"
               f"用时 {summary['seconds']:.1f} 秒，写入 {summary['target']}")
    for note in summary.get("notes") or ():
        st.warning(note, icon=":material/info:")
    if summary["errors"]:
        st.error(f"{len(summary['errors'])} 个文件有问题（其余文件已正常构建）：")
        st.dataframe([{"文件": e["path"], "问题": e["error"]} for e in summary["errors"]], hide_index=True,
                     width="stretch", key="data_errors")
    else:
        st.success("所有文件均已成功处理。")


st.subheader("1. 添加报告并构建")
store = st.radio("写入的存储", ["networkx", "neo4j"], horizontal=True, key="data_store",
                 format_func=lambda s: "本地图谱" if s == "networkx" else "本地图谱 + 同步到 Neo4j")
if store == "neo4j" and neo4j_settings() is None:
    st.info("同步到 Neo4j 需要先在下方「2. 连接 Neo4j」填写连接信息。")
upload_tab, folder_tab = st.tabs(["上传文件", "文件夹路径"])
with upload_tab:
    files = st.file_uploader("选择报告文件（txt、docx、pdf、jsonl，可多选，单个文件不超过 200 MB；也可拖放到下框）",
                             type=UPLOAD_TYPES, accept_multiple_files=True, key="data_upload")
    go_upload = st.button("构建上传的文件", type="primary", disabled=not files, key="data_build_upload",
                          icon=":material/construction:")
with folder_tab:
    folder = st.text_input("服务器上的文件夹或文件路径", key="data_folder", placeholder="例如：/data/reports/2024")
    prune = st.checkbox("移除图谱中源文件已不存在的文档", key="data_prune")
    go_folder = st.button("构建该路径", type="primary", disabled=not folder.strip(), key="data_build_folder",
                          icon=":material/construction:")

targets: list[Path] = []
if go_upload and files:
    # Uploads are kept beside the graph file so a later rebuild still finds them.
    upload_dir = graph_path().parent / "uploads"
    upload_dir.mkdir(parents=True, exist_ok=True)
    for f in files:
        target = upload_dir / _safe_name(f.name)
        target.write_bytes(f.getvalue())
        targets.append(target)
if go_folder and folder.strip():
    path = Path(folder.strip()).expanduser()
    if not path.exists():
        st.error(f"路径不存在：{path}。请填写服务器上的文件夹或文件的完整路径。")
        st.stop()
    targets.append(path)
if targets:
    if store == "neo4j" and neo4j_settings() is None:
        st.error("还没有连接 Neo4j，无法同步。请先填写连接信息，或改为只写入本地图谱。")
        st.stop()
    try:
        summary = build_into_graph(targets, prune=bool(go_folder and prune), store=store,
                                   neo4j=neo4j_settings() if store == "neo4j" else None)
    except GraphBusy as err:
        st.warning(f"另一个构建正在写入图谱文件，请等它完成后再构建（没有任何文档丢失）。（{err}）",
                   icon=":material/hourglass_top:")
        st.stop()
    except KGError as err:
        st.error(f"构建失败：{err}", icon=":material/error:")
        st.stop()
    st.session_state["data_last_summary"] = summary.to_dict()
    st.rerun()
if st.session_state.get("data_last_summary"):
    st.markdown("**上次构建结果**")
    _show_summary(st.session_state["data_last_summary"])

st.subheader("2. 连接 Neo4j")
current = neo4j_settings()
with st.form("neo4j_form"):
    c1, c2 = st.columns(2)
    uri = c1.text_input("地址（URI）", value=(current or {}).get("uri", "bolt://localhost:7687"), key="neo4j_uri")
    database = c2.text_input("数据库", value=(current or {}).get("database", "neo4j"), key="neo4j_database")
    user = c1.text_input("用户名", value=(current or {}).get("user", "neo4j"), key="neo4j_user")
    password = c2.text_input("密码", type="password", key="neo4j_password",
                             help="只保存在本次浏览器会话中，不会写入磁盘。")
    connect = st.form_submit_button("连接", icon=":material/link:")
if connect:
    settings = {"uri": uri.strip(), "user": user.strip(), "password": password, "database": database.strip()}
    try:
        engine = check_neo4j(settings)
    except KGError as err:
        st.session_state.pop("neo4j_settings", None)
        st.session_state.pop("neo4j_engine", None)
        st.error(f"无法连接 Neo4j：{err}", icon=":material/error:")
    else:
        st.session_state["neo4j_settings"] = settings
        st.session_state["neo4j_engine"] = engine
        # The sidebar's store switch was drawn before this click was handled: run again so it is enabled.
        st.session_state["neo4j_connected_note"] = f"已连接 {settings['uri']}。侧栏「数据源」可切换到 Neo4j。"
        st.rerun()
if note := st.session_state.pop("neo4j_connected_note", None):
    st.success(note)


def _disconnect() -> None:
    st.session_state.pop("neo4j_settings", None)
    engine = st.session_state.pop("neo4j_engine", None)
    if engine is not None:
        engine.close()
    st.session_state["store"] = "networkx"


if current:
    st.button("断开 Neo4j", key="neo4j_disconnect", on_click=_disconnect)

st.subheader("3. 导出图谱")
if facts.is_empty:
    st.info("图谱中还没有文档，暂无可导出的内容。")
    st.stop()
fmt = st.selectbox("导出格式", list(GRAPH_EXPORT_LABELS), format_func=GRAPH_EXPORT_LABELS.get, key="export_format")
if st.button("生成导出文件", key="export_make", icon=":material/file_export:"):
    with st.spinner("正在生成……"):
        try:
            st.session_state["export_file"] = (fmt, *export_bytes(get_graph(), fmt))
        except KGError as err:
            st.error(f"导出失败：{err}", icon=":material/error:")
made = st.session_state.get("export_file")
if made and made[0] == fmt:
    _, name, data, mime = made
    st.download_button(f"下载 {name}（{len(data) / 1024:,.0f} KB）", data, file_name=name, mime=mime,
                       key="export_download", icon=":material/download:")
    if fmt == "neo4j-admin":
        st.caption("压缩包内的 README.md 写有 neo4j-admin database import 命令。")
