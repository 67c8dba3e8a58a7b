<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AsOfBar</name>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="87" />
            <source>Compare with…</source>
            <translation>与…比较</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="145" />
            <source>Completed</source>
            <translation>已建成</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="90" />
            <source>List and highlight the projects whose status changed between this day and the day shown</source>
            <translation>列出并高亮此日与当前显示日期之间状态有变化的项目</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="88" />
            <source>Map, legend, table and dashboard show each project's status at the end of this day</source>
            <translation>地图、图例、属性表和仪表板显示各项目在该日结束时的状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="145" />
            <source>Newly started</source>
            <translation>新开工</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="153" />
            <source>No status changed between these days.</source>
            <translation>这两天之间没有状态变化。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="146" />
            <source>Other changes</source>
            <translation>其他变化</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="85" />
            <source>Status as of</source>
            <translation>状态截至</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="146" />
            <source>Suspended</source>
            <translation>暂缓</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="86" />
            <source>Today</source>
            <translation>今天</translation>
        </message>
    </context>
    <context>
        <name>AttributeTable</name>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="257" />
            <source>%1 of %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="235" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="231" />
            <source>Filter: name, id, any text (中文 / English)</source>
            <translation>筛选：名称、编号或任意文字（中文 / English）</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="239" />
            <source>No project</source>
            <translation>无项目</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="129" />
            <source>%1, by %2 at %3 (UTC)</source>
            <translation>%1,%2 于 %3 (UTC)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="136" />
            <source>%n open conflict(s): the field office and headquarters both changed these fields. Choose the value to keep for each, then Apply.</source>
            <translation>
                <numerusform>%n 处冲突未解决：现场办公室和总部都修改了这些字段。请为每处选择要保留的值，然后点“应用”。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="95" />
            <source>Actual finish</source>
            <translation>实际完工</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="95" />
            <source>Actual start</source>
            <translation>实际开工</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="80" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="76" />
            <source>Base value</source>
            <translation>原值</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="180" />
            <source>Choose a value to keep for at least one conflict.</source>
            <translation>请至少为一处冲突选择要保留的值。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="81" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="76" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="76" />
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="147" />
            <source>Field office</source>
            <translation>现场办公室</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="77" />
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="147" />
            <source>Headquarters</source>
            <translation>总部</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="77" />
            <source>Keep</source>
            <translation>保留</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="79" />
            <source>Keep all headquarters values</source>
            <translation>全部保留总部的值</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="74" />
            <source>Merge conflicts</source>
            <translation>合并冲突</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="138" />
            <source>No open conflicts.</source>
            <translation>没有未解决的冲突。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="96" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="94" />
            <source>Planned finish</source>
            <translation>计划完工</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="94" />
            <source>Planned start</source>
            <translation>计划开工</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="93" />
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="76" />
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="93" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="78" />
            <source>Take all field-office values</source>
            <translation>全部采用现场办公室的值</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="276" />
            <source>%1 projects, %2 features selected</source>
            <translation>已选 %1 个项目、%2 个要素</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="189" />
            <source>Investment by status (100 million yuan)</source>
            <translation>按状态统计投资（亿元）</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="215" />
            <source>New roads</source>
            <translation>新建道路</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="141" />
            <source>No project</source>
            <translation>无项目</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="232" />
            <source>Progress over time (no edits recorded yet)</source>
            <translation>进度变化（尚无编辑记录）</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="222" />
            <source>Progress over time: projects by status, mean progress %</source>
            <translation>进度变化：各状态项目数、平均进度 %</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="177" />
            <source>Projects by status per park</source>
            <translation>各园区按状态统计项目</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="217" />
            <source>Road km by status against the 2014 targets</source>
            <translation>按状态统计道路公里数（对照2014年目标）</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="215" />
            <source>Upgraded roads</source>
            <translation>升级改造道路</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="133" />
            <source>as of %1</source>
            <translation>截至 %1</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="178" />
            <location filename="../../parksgis/qt/dashboard.py" line="243" />
            <source>projects</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="210" />
            <source>target %1 km</source>
            <translation>目标 %1 公里</translation>
        </message>
    </context>
    <context>
        <name>DisplayCrsDialog</name>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="27" />
            <source>Display CRS</source>
            <translation>显示坐标系</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="33" />
            <source>Map display and measuring CRS (EPSG code, WKT or PROJ). Default EPSG:4546, CGCS2000 / 3-degree Gauss-Kruger CM 111E.</source>
            <translation>地图显示与量测坐标系（EPSG 代码、WKT 或 PROJ）。默认 EPSG:4546，CGCS2000 3度带高斯-克吕格投影，中央经线 111°E。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="20" />
            <source>axis units are not metres</source>
            <translation>坐标轴单位不是米</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="17" />
            <source>not a projected CRS (distances would be in degrees)</source>
            <translation>不是投影坐标系（距离将以度为单位）</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="150" />
            <source>A3 landscape</source>
            <translation>A3 横向</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="150" />
            <source>A3 portrait</source>
            <translation>A3 纵向</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="149" />
            <source>A4 landscape</source>
            <translation>A4 横向</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="149" />
            <source>A4 portrait</source>
            <translation>A4 纵向</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="148" />
            <source>All parks</source>
            <translation>全部园区</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="154" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="213" />
            <source>Choose a file to export to.</source>
            <translation>请选择导出文件。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="143" />
            <source>DPI</source>
            <translation>分辨率(DPI)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="142" />
            <location filename="../../parksgis/qt/export_dialog.py" line="155" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="141" />
            <location filename="../../parksgis/qt/export_dialog.py" line="190" />
            <source>Export briefing</source>
            <translation>导出简报</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="220" />
            <source>Export failed: %1</source>
            <translation>导出失败:%1</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="222" />
            <source>Exported %1</source>
            <translation>已导出 %1</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="142" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="142" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="144" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="191" />
            <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
            <translation>PNG 图片 (*.png);;PDF 文档 (*.pdf);;SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="143" />
            <source>Page size</source>
            <translation>页面大小</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="151" />
            <source>Pixel size</source>
            <translation>像素尺寸</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="143" />
            <source>Pixels</source>
            <translation>像素</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="144" />
            <source>Status date</source>
            <translation>状态日期</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="147" />
            <source>The current view</source>
            <translation>当前视图</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="144" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="157" />
            <source>YYYY-MM-DD</source>
            <translation>年-月-日(YYYY-MM-DD)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="156" />
            <source>briefing.png, .pdf or .svg</source>
            <translation>简报.png、.pdf 或 .svg</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="177" />
            <source>from the file name: .png, .pdf or .svg</source>
            <translation>由文件名决定:.png、.pdf 或 .svg</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="253" />
            <source>status date %1 is not a date (YYYY-MM-DD)</source>
            <translation>状态日期 %1 不是有效日期(YYYY-MM-DD)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="256" />
            <source>statuses as of %1 need the status register; open a layers folder or a pack</source>
            <translation>显示 %1 的状态需要状态台账;请打开图层文件夹或数据包</translation>
        </message>
    </context>
    <context>
        <name>FeatureTableModel</name>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="73" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>IdentifyPanel</name>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="167" />
            <source>%1 10k yuan</source>
            <translation>%1 万元</translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/identify_panel.py" line="126" />
            <source>(+%n more selected)</source>
            <translation>
                <numerusform>（另选 %n 个）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="106" />
            <source>Actual</source>
            <translation>实际</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="141" />
            <source>Click a feature on the map to identify it.</source>
            <translation>在地图上点击要素以查看其信息。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="107" />
            <source>Contractor</source>
            <translation>施工单位</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="103" />
            <source>English name</source>
            <translation>英文名称</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="110" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="105" />
            <source>Investment</source>
            <translation>投资</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="103" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="135" />
            <source>No project linked to this feature.</source>
            <translation>该要素未关联项目。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="106" />
            <source>Owner</source>
            <translation>业主单位</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="106" />
            <source>Planned</source>
            <translation>计划</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="105" />
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="102" />
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="136" />
            <source>Project %1 is not in the register.</source>
            <translation>项目 %1 不在项目台账中。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="103" />
            <source>Project id</source>
            <translation>项目编号</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="104" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="110" />
            <source>Value</source>
            <translation>值</translation>
        </message>
    </context>
    <context>
        <name>ImageryControls</name>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="81" />
            <source>Brightness</source>
            <translation>亮度</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="115" />
            <location filename="../../parksgis/qt/imagery_controls.py" line="116" />
            <source>Compare imagery (swipe)</source>
            <translation>对比影像(卷帘)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="83" />
            <source>Contrast</source>
            <translation>对比度</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="117" />
            <source>Left of the line: imagery flown by</source>
            <translation>分隔线左侧：截至此日的影像</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="79" />
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="86" />
            <source>Reset brightness and contrast</source>
            <translation>恢复亮度和对比度</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="46" />
            <source>Visible from 1:</source>
            <translation>显示比例 1:</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="74" />
            <source>Zoom to</source>
            <translation>缩放至</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="52" />
            <source>any</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="56" />
            <source>to 1:</source>
            <translation>至 1:</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message numerus="yes">
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="120" />
            <source>%n problem(s) in the file: fix them and import again. Nothing will be written.</source>
            <translation>
                <numerusform>文件中有 %n 个问题：请修正后重新导入。不会写入任何内容。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="125" />
            <source>%n project(s) will change. Apply writes all of them in one step, or none.</source>
            <translation>
                <numerusform>将更改 %n 个项目。“应用”一次写入全部更改，要么全部成功，要么都不写入。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="128" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="130" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="129" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="114" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="115" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="113" />
            <source>Import status spreadsheet — %1</source>
            <translation>导入状态表 — %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="117" />
            <source>Imported: %n history row(s) written. Undo (Ctrl+Z) reverts the whole import.</source>
            <translation>
                <numerusform>已导入：写入 %n 条历史记录。撤销（Ctrl+Z）可撤回整个导入。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="139" />
            <source>Nothing to apply.</source>
            <translation>没有可应用的更改。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="123" />
            <source>Nothing to change: the register already holds these values.</source>
            <translation>无需更改：登记册已是这些值。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="115" />
            <source>Old → new</source>
            <translation>原值 → 新值</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="114" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="115" />
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="114" />
            <source>Row</source>
            <translation>行</translation>
        </message>
    </context>
    <context>
        <name>LayerTreeModel</name>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="164" />
            <source>Basemap and other layers</source>
            <translation>底图及其他图层</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="159" />
            <source>Imagery</source>
            <translation>影像</translation>
        </message>
    </context>
    <context>
        <name>LayerTreeView</name>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="268" />
            <source>By category</source>
            <translation>按类别</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="268" />
            <source>By status</source>
            <translation>按状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="281" />
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="266" />
            <source>Open attribute table</source>
            <translation>打开属性表</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="269" />
            <source>Single colour</source>
            <translation>单一颜色</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="267" />
            <source>Style</source>
            <translation>样式</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="264" />
            <source>Zoom to</source>
            <translation>缩放至</translation>
        </message>
    </context>
    <context>
        <name>Loader</name>
        <message>
            <location filename="../../parksgis/qt/loader.py" line="71" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/loader.py" line="73" />
            <source>Loading</source>
            <translation>正在加载</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="128" />
            <source>&amp;About parksgis</source>
            <translation>关于 parksgis(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="124" />
            <source>&amp;Add layer files…</source>
            <translation>添加图层文件(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="299" />
            <source>&amp;Copy map image</source>
            <translation>复制地图图片(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="127" />
            <source>&amp;Display CRS…</source>
            <translation>显示坐标系(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="300" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="298" />
            <source>&amp;Export briefing…</source>
            <translation>导出简报(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="137" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="145" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="144" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="132" />
            <source>&amp;Measure distance</source>
            <translation>量测距离(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="129" />
            <source>&amp;Pan and identify</source>
            <translation>平移与识别(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="141" />
            <source>&amp;Panels</source>
            <translation>面板(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="125" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="138" />
            <source>&amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="131" />
            <source>&amp;Select by box</source>
            <translation>框选(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="143" />
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="142" />
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="139" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="130" />
            <source>&amp;Zoom to box</source>
            <translation>拉框放大(&amp;Z)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="239" />
            <source>About parksgis</source>
            <translation>关于 parksgis</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="217" />
            <source>Add layer files</source>
            <translation>添加图层文件</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="279" />
            <source>Attribute table</source>
            <translation>属性表</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="127" />
            <source>Clear selection</source>
            <translation>清除选择</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="333" />
            <source>Copy failed: %1</source>
            <translation>复制失败:%1</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="278" />
            <source>Identify</source>
            <translation>要素信息</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="278" />
            <source>Layers</source>
            <translation>图层</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="218" />
            <source>Layers and imagery (*.geojson *.json *.gpkg *.shp *.kml *.tif *.tiff *.mbtiles);;All files (*)</source>
            <translation>图层和影像 (*.geojson *.json *.gpkg *.shp *.kml *.tif *.tiff *.mbtiles);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="339" />
            <source>Map image copied (%1 × %2 pixels)</source>
            <translation>地图图片已复制(%1 × %2 像素)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="146" />
            <source>Map tools</source>
            <translation>地图工具</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="133" />
            <source>Measure a&amp;rea</source>
            <translation>量测面积(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="111" />
            <source>Nothing on the map for “%1”</source>
            <translation>地图上没有找到“%1”</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="304" />
            <source>Nothing to export: open a folder of layers first.</source>
            <translation>没有可导出的内容:请先打开图层文件夹。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="124" />
            <source>Open &amp;folder…</source>
            <translation>打开文件夹(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="211" />
            <source>Open a folder of layers</source>
            <translation>打开图层文件夹</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="279" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="176" />
            <source>Problems (%1)</source>
            <translation>问题 (%1)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="278" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="265" />
            <source>The bundled font has no glyph for %1; drawn as boxes.</source>
            <translation>内置字体缺少字形 %1,将显示为方框。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="125" />
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="126" />
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="125" />
            <source>Zoom to &amp;all</source>
            <translation>全图(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="140" />
            <source>Zoom to &amp;park</source>
            <translation>缩放至园区(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="126" />
            <source>Zoom to &amp;selection</source>
            <translation>缩放至所选(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="239" />
            <source>parksgis %1 — plots, roads and utilities of the Zhuhai–Yangjiang co-built industrial parks, linked to their construction projects.</source>
            <translation>parksgis %1 — 珠海(阳江)共建产业园的地块、道路与市政设施，关联其建设项目状态。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="275" />
            <source>parksgis — Zhuhai–Yangjiang co-built industrial parks</source>
            <translation>parksgis — 珠海(阳江)共建产业园</translation>
        </message>
        <message>
            <source>Layers (*.geojson *.json *.gpkg *.shp *.kml);;All files (*)</source>
            <translation type="vanished">图层 (*.geojson *.json *.gpkg *.shp *.kml);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>PackActions</name>
        <message numerus="yes">
            <location filename="../../parksgis/qt/pack_actions.py" line="313" />
            <source>%n open merge conflict(s): File ▸ Resolve conflicts…</source>
            <translation>
                <numerusform>%n 处合并冲突未解决：文件 ▸ 解决冲突…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="88" />
            <source>&amp;Export changes…</source>
            <translation>导出更改(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="89" />
            <source>&amp;Merge changes…</source>
            <translation>合并更改(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="260" />
            <source>Change files (*.json *.gpkg);;All files (*)</source>
            <translation>更改文件 (*.json *.gpkg);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="232" />
            <source>Change files (*.json)</source>
            <translation>更改文件 (*.json)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="231" />
            <source>Export changes</source>
            <translation>导出更改</translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/pack_actions.py" line="246" />
            <source>Exported %n change(s) to %1</source>
            <translation>
                <numerusform>已导出 %n 条更改到 %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="237" />
            <source>Exporting changes…</source>
            <translation>正在导出更改…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="116" />
            <source>Layer packs (*.gpkg);;All files (*)</source>
            <translation>图层包 (*.gpkg);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="259" />
            <source>Merge change files</source>
            <translation>合并更改文件</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="274" />
            <source>Merged %1 change(s), %2 already there, %3 repeated; %4 new conflict(s).</source>
            <translation>已合并 %1 条更改，%2 条已存在，%3 条重复；新增 %4 处冲突。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="265" />
            <source>Merging changes…</source>
            <translation>正在合并更改…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="87" />
            <source>Open &amp;pack…</source>
            <translation>打开图层包(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="115" />
            <source>Open a layer pack</source>
            <translation>打开图层包</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="224" />
            <source>Open a layer pack to export its changes.</source>
            <translation>请先打开图层包再导出其更改。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="256" />
            <source>Open a layers folder or an editable pack to merge changes into it.</source>
            <translation>请先打开图层文件夹或可编辑的图层包再合并更改。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="135" />
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="151" />
            <source>Pack busy</source>
            <translation>图层包正忙</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="90" />
            <source>Resolve &amp;conflicts…</source>
            <translation>解决冲突(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="163" />
            <source>read-only</source>
            <translation>只读</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPanel</name>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>Feature</source>
            <translation>要素</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>Level</source>
            <translation>级别</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="27" />
            <source>Message</source>
            <translation>说明</translation>
        </message>
    </context>
    <context>
        <name>RegisterLink</name>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="171" />
            <source>No status register.</source>
            <translation>没有项目台账。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="99" />
            <source>No status register: open a folder of layers or a pack to edit statuses.</source>
            <translation>没有项目台账：打开图层文件夹或图层包后才能编辑状态。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="169" />
            <source>Nothing is open.</source>
            <translation>尚未打开任何内容。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="191" />
            <source>Sample parks: your status edits are saved in %1</source>
            <translation>样例园区：您修改的状态保存在 %1</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="173" />
            <source>The connection to the database server was lost; edits are refused until it is back (reconnecting automatically).</source>
            <translation>与数据库服务器的连接已断开;恢复前不接受修改(正在自动重连)。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="176" />
            <source>The folder %1 cannot be written, so it is open read-only. To edit statuses, copy it to a folder you can write to (parksgis sample DIR copies the sample parks).</source>
            <translation>文件夹 %1 不可写入，已以只读方式打开。如需修改状态，请将其复制到可写入的文件夹（parksgis sample DIR 可复制样例园区）。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="180" />
            <source>The register is open read-only.</source>
            <translation>项目台账以只读方式打开。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="88" />
            <source>This GeoPackage holds no register.</source>
            <translation>此 GeoPackage 不含项目台账。</translation>
        </message>
        <message>
            <source>The pack is open read-only.</source>
            <translation type="vanished">图层包以只读方式打开。</translation>
        </message>
    </context>
    <context>
        <name>RegisterPanels</name>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="62" />
            <source>Dashboard</source>
            <translation>仪表板</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="122" />
            <source>Name recorded with your status edits (empty: your system user name):</source>
            <translation>随状态编辑记录的姓名（留空则使用系统用户名）：</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="56" />
            <source>Status as of</source>
            <translation>状态截至</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="61" />
            <source>Status changes</source>
            <translation>状态变化</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="121" />
            <source>Your name in the history</source>
            <translation>历史记录中的姓名</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="74" />
            <source>Your name in the history…</source>
            <translation>历史记录中的姓名…</translation>
        </message>
    </context>
    <context>
        <name>SearchBox</name>
        <message>
            <location filename="../../parksgis/qt/search_box.py" line="61" />
            <source>Search project or feature (中文 / English / id)</source>
            <translation>搜索项目或要素（中文 / English / 编号）</translation>
        </message>
    </context>
    <context>
        <name>SpreadsheetActions</name>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="284" />
            <source>%1: the file name must end in .csv or .xlsx</source>
            <translation>%1：文件名必须以 .csv 或 .xlsx 结尾</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="196" />
            <source>&amp;Import status spreadsheet…</source>
            <translation>导入状态表(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="203" />
            <source>Apply a CSV or XLSX status sheet to the register, after a preview</source>
            <translation>预览后将 CSV 或 XLSX 状态表导入登记册</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="197" />
            <source>E&amp;xport register…</source>
            <translation>导出登记册(&amp;X)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="268" />
            <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
            <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="267" />
            <source>Export register</source>
            <translation>导出登记册</translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="292" />
            <source>Exported %n project(s) to %1</source>
            <translation>
                <numerusform>已将 %n 个项目导出到 %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="225" />
            <source>Import status spreadsheet</source>
            <translation>导入状态表</translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="259" />
            <source>Imported %1: %n history row(s) written (Ctrl+Z undoes the import).</source>
            <translation>
                <numerusform>已导入 %1：写入 %n 条历史记录（Ctrl+Z 撤销本次导入）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="161" />
            <source>Showing statuses as of %1: return to today to import.</source>
            <translation>正在显示 %1 的状态：请回到今天再导入。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="226" />
            <source>Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)</source>
            <translation>电子表格 (*.csv *.xlsx *.xlsm);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="207" />
            <source>Write the register to a CSV (UTF-8) or XLSX file</source>
            <translation>将登记册写入 CSV（UTF-8）或 XLSX 文件</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="312" />
            <source>parksgis</source>
            <translation>parksgis</translation>
        </message>
    </context>
    <context>
        <name>StatusEditor</name>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="134" />
            <source>Actual finish</source>
            <translation>实际完工</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="134" />
            <source>Actual start</source>
            <translation>实际开工</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="138" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="187" />
            <source>Changed elsewhere while you were editing; Apply will show both values.</source>
            <translation>您编辑期间此项目已在别处被修改;点击“应用”将显示双方的值。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="131" />
            <source>Edit status</source>
            <translation>编辑状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="141" />
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="252" />
            <source>No changes to apply.</source>
            <translation>没有要应用的更改。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="135" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="273" />
            <source>Nothing to undo.</source>
            <translation>没有可撤销的操作。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="133" />
            <source>Planned finish</source>
            <translation>计划完工</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="133" />
            <source>Planned start</source>
            <translation>计划开工</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="132" />
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="260" />
            <source>Saved %1: %2</source>
            <translation>已保存 %1：%2</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="173" />
            <source>Showing statuses as of %1: return to today to edit.</source>
            <translation>正在显示截至 %1 的状态：回到今天才能编辑。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="132" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="139" />
            <source>Undo last edit</source>
            <translation>撤销上次编辑</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="140" />
            <source>Undo last status edit</source>
            <translation>撤销上次状态编辑</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="276" />
            <source>Undone: %1</source>
            <translation>已撤销：%1</translation>
        </message>
    </context>
    <context>
        <name>StatusLegend</name>
        <message>
            <location filename="../../parksgis/qt/status_legend.py" line="67" />
            <location filename="../../parksgis/qt/status_legend.py" line="94" />
            <source>Click a status to hide or show its features</source>
            <translation>点击状态以隐藏或显示对应要素</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_legend.py" line="106" />
            <source>No project</source>
            <translation>无项目</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceLoading</name>
        <message>
            <location filename="../../parksgis/qt/workspace_loading.py" line="32" />
            <location filename="../../parksgis/qt/workspace_loading.py" line="59" />
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/workspace_loading.py" line="34" />
            <location filename="../../parksgis/qt/workspace_loading.py" line="61" />
            <source>Opening cancelled</source>
            <translation>已取消打开</translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/workspace_loading.py" line="128" />
            <source>Reading %n file(s)…</source>
            <translation>
                <numerusform>正在读取 %n 个文件…</numerusform>
            </translation>
        </message>
    </context>
</TS>
