<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AsOfBar</name>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="87"/>
        <source>Compare with…</source>
        <translation>与…比较</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="148"/>
        <source>Completed</source>
        <translation>已建成</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="90"/>
        <source>List and highlight the projects whose status changed between this day and the day shown</source>
        <translation>列出并高亮此日与当前显示日期之间状态有变化的项目</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="88"/>
        <source>Map, legend, table and dashboard show each project&apos;s status at the end of this day</source>
        <translation>地图、图例、属性表和仪表板显示各项目在该日结束时的状态</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="148"/>
        <source>Newly started</source>
        <translation>新开工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="156"/>
        <source>No status changed between these days.</source>
        <translation>这两天之间没有状态变化。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="149"/>
        <source>Other changes</source>
        <translation>其他变化</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="85"/>
        <source>Status as of</source>
        <translation>状态截至</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="149"/>
        <source>Suspended</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="86"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>AttributeTable</name>
    <message>
        <location filename="../../parksgis/qt/attribute_table.py" line="302"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/attribute_table.py" line="275"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/attribute_table.py" line="271"/>
        <source>Filter: name, id, any text (Chinese or English)</source>
        <translation>筛选：名称、编号或任意文字（中文 / English）</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/attribute_table.py" line="279"/>
        <source>No project</source>
        <translation>无项目</translation>
    </message>
    <message>
        <source>Filter: name, id, any text (中文 / English)</source>
        <translation type="vanished">筛选：名称、编号或任意文字（中文 / English）</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="129"/>
        <source>%1, by %2 at %3 (UTC)</source>
        <translation>%1,%2 于 %3 (UTC)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="136"/>
        <source>%n open conflict(s): the field office and headquarters both changed these fields. Choose the value to keep for each, then Apply.</source>
        <translation>
            <numerusform>%n 处冲突未解决：现场办公室和总部都修改了这些字段。请为每处选择要保留的值，然后点“应用”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="95"/>
        <source>Actual finish</source>
        <translation>实际完工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="95"/>
        <source>Actual start</source>
        <translation>实际开工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="80"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="76"/>
        <source>Base value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="180"/>
        <source>Choose a value to keep for at least one conflict.</source>
        <translation>请至少为一处冲突选择要保留的值。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="81"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="76"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="76"/>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="147"/>
        <source>Field office</source>
        <translation>现场办公室</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="77"/>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="147"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="77"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="79"/>
        <source>Keep all headquarters values</source>
        <translation>全部保留总部的值</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="74"/>
        <source>Merge conflicts</source>
        <translation>合并冲突</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="138"/>
        <source>No open conflicts.</source>
        <translation>没有未解决的冲突。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="96"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="94"/>
        <source>Planned finish</source>
        <translation>计划完工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="94"/>
        <source>Planned start</source>
        <translation>计划开工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="93"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="76"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="93"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="78"/>
        <source>Take all field-office values</source>
        <translation>全部采用现场办公室的值</translation>
    </message>
</context>
<context>
    <name>CrsPickerDialog</name>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="36"/>
        <source>Coordinate system of %1</source>
        <translation>%1 的坐标系</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="47"/>
        <source>The coordinate system the data was drawn in (an EPSG code, WKT or PROJ text). For Yangjiang this is usually CGCS2000 / 3-degree Gauss-Kruger CM 111E, EPSG:4546.</source>
        <translation>数据绘制时所用的坐标系(EPSG 代码、WKT 或 PROJ 文本)。阳江一般为 CGCS2000 / 3度带高斯-克吕格 中央经线111°E(EPSG:4546)。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="319"/>
        <source>%1 projects, %2 features selected</source>
        <translation>已选 %1 个项目、%2 个要素</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="202"/>
        <source>100 million yuan</source>
        <translation>亿元</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="200"/>
        <source>Investment by status (100 million yuan)</source>
        <translation>按状态统计投资（亿元）</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="219"/>
        <location filename="../../parksgis/qt/dashboard.py" line="234"/>
        <source>New roads</source>
        <translation>新建道路</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="151"/>
        <source>No project</source>
        <translation>无项目</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="259"/>
        <source>Progress over time (no edits recorded yet)</source>
        <translation>进度变化（尚无编辑记录）</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="246"/>
        <source>Progress over time: projects by status, mean progress %</source>
        <translation>进度变化：各状态项目数、平均进度 %</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="188"/>
        <source>Projects by status per park</source>
        <translation>各园区按状态统计项目</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="220"/>
        <source>Road km by status (2014 targets cover all parks)</source>
        <translation>各状态道路公里数(2014年目标为全部园区合计,此处不比较)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="216"/>
        <source>Road km by status against the 2014 targets</source>
        <translation>按状态统计道路公里数（对照2014年目标）</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="219"/>
        <location filename="../../parksgis/qt/dashboard.py" line="234"/>
        <source>Upgraded roads</source>
        <translation>升级改造道路</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="143"/>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="189"/>
        <location filename="../../parksgis/qt/dashboard.py" line="272"/>
        <source>projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="229"/>
        <source>target %1 km</source>
        <translation>目标 %1 公里</translation>
    </message>
</context>
<context>
    <name>DisplayCrsDialog</name>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="36"/>
        <source>%1 / %2-degree Gauss-Krüger, %3</source>
        <translation>%1 / %2度带高斯-克吕格投影,%3</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="43"/>
        <source>Display CRS</source>
        <translation>显示坐标系</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="50"/>
        <source>Map display and measuring CRS (EPSG code, WKT or PROJ). Default EPSG:4546, CGCS2000 / 3-degree Gauss-Kruger CM 111E.</source>
        <translation>地图显示与量测坐标系（EPSG 代码、WKT 或 PROJ）。默认 EPSG:4546，CGCS2000 3度带高斯-克吕格投影，中央经线 111°E。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="22"/>
        <source>axis units are not metres</source>
        <translation>坐标轴单位不是米</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="34"/>
        <source>central meridian %1°E</source>
        <translation>中央经线 %1°E</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="19"/>
        <source>not a projected CRS (distances would be in degrees)</source>
        <translation>不是投影坐标系（距离将以度为单位）</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="35"/>
        <source>zone %1</source>
        <translation>第 %1 带</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="171"/>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="171"/>
        <source>A3 portrait</source>
        <translation>A3 纵向</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="170"/>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="170"/>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="169"/>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="175"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="234"/>
        <source>Choose a file to export to.</source>
        <translation>请选择导出文件。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="164"/>
        <source>DPI</source>
        <translation>分辨率(DPI)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="163"/>
        <location filename="../../parksgis/qt/export_dialog.py" line="176"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="162"/>
        <location filename="../../parksgis/qt/export_dialog.py" line="211"/>
        <source>Export briefing</source>
        <translation>导出简报</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="241"/>
        <source>Export failed: %1</source>
        <translation>导出失败:%1</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="243"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="163"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="163"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="165"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="212"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;PDF 文档 (*.pdf);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="164"/>
        <source>Page size</source>
        <translation>页面大小</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="172"/>
        <source>Pixel size</source>
        <translation>像素尺寸</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="164"/>
        <source>Pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="165"/>
        <source>Status date</source>
        <translation>状态日期</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="168"/>
        <source>The current view</source>
        <translation>当前视图</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="165"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="178"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日(YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="177"/>
        <source>briefing.png, .pdf or .svg</source>
        <translation>简报.png、.pdf 或 .svg</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="198"/>
        <source>from the file name: .png, .pdf or .svg</source>
        <translation>由文件名决定:.png、.pdf 或 .svg</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="275"/>
        <source>status date %1 is not a date (YYYY-MM-DD)</source>
        <translation>状态日期 %1 不是有效日期(YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="278"/>
        <source>statuses as of %1 need the status register; open a layers folder or a pack</source>
        <translation>显示 %1 的状态需要状态台账;请打开图层文件夹或数据包</translation>
    </message>
</context>
<context>
    <name>FeatureTableModel</name>
    <message>
        <location filename="../../parksgis/qt/attribute_table.py" line="97"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../parksgis/qt/help_dialogs.py" line="27"/>
        <source>parksgis user guide</source>
        <translation>parksgis 用户指南</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="204"/>
        <source>%1 10k yuan</source>
        <translation>%1 万元</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/identify_panel.py" line="160"/>
        <source>(+%n more selected)</source>
        <translation>
            <numerusform>（另选 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="137"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="177"/>
        <source>Click a feature on the map to identify it.</source>
        <translation>在地图上点击要素以查看其信息。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="138"/>
        <source>Contractor</source>
        <translation>施工单位</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="135"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="141"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="136"/>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="135"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="170"/>
        <source>No project linked to this feature.</source>
        <translation>该要素未关联项目。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="137"/>
        <source>Owner</source>
        <translation>业主单位</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="137"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="136"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="134"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="171"/>
        <source>Project %1 is not in the register.</source>
        <translation>项目 %1 不在项目台账中。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="135"/>
        <source>Project id</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="141"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">状态</translation>
    </message>
</context>
<context>
    <name>ImageryControls</name>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="80"/>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="114"/>
        <location filename="../../parksgis/qt/imagery_controls.py" line="115"/>
        <source>Compare imagery (swipe)</source>
        <translation>对比影像(卷帘)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="82"/>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="116"/>
        <source>Left of the line: imagery flown by</source>
        <translation>分隔线左侧：截至此日的影像</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="78"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="85"/>
        <source>Reset brightness and contrast</source>
        <translation>恢复亮度和对比度</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="45"/>
        <source>Visible from 1:</source>
        <translation>显示比例 1:</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="73"/>
        <source>Zoom to</source>
        <translation>缩放至</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="51"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="55"/>
        <source>to 1:</source>
        <translation>至 1:</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="117"/>
        <source>%n problem(s) in the file: fix them and import again. Nothing will be written.</source>
        <translation>
            <numerusform>文件中有 %n 个问题：请修正后重新导入。不会写入任何内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="122"/>
        <source>%n project(s) will change. Apply writes all of them in one step, or none.</source>
        <translation>
            <numerusform>将更改 %n 个项目。“应用”一次写入全部更改，要么全部成功，要么都不写入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="125"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="127"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="126"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="111"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="112"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="110"/>
        <source>Import status spreadsheet — %1</source>
        <translation>导入状态表 — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="114"/>
        <source>Imported: %n history row(s) written. Undo (Ctrl+Z) reverts the whole import.</source>
        <translation>
            <numerusform>已导入：写入 %n 条历史记录。撤销（Ctrl+Z）可撤回整个导入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="136"/>
        <source>Nothing to apply.</source>
        <translation>没有可应用的更改。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="120"/>
        <source>Nothing to change: the register already holds these values.</source>
        <translation>无需更改：登记册已是这些值。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="112"/>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="111"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="112"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="111"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
</context>
<context>
    <name>LayerTreeModel</name>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="164"/>
        <source>Basemap and other layers</source>
        <translation>底图及其他图层</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="159"/>
        <source>Imagery</source>
        <translation>影像</translation>
    </message>
</context>
<context>
    <name>LayerTreeView</name>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="269"/>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="269"/>
        <source>By status</source>
        <translation>按状态</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="285"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="267"/>
        <source>Open attribute table</source>
        <translation>打开属性表</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="276"/>
        <source>Read again with a web-map offset (GCJ-02 / BD-09)…</source>
        <translation>按网络地图偏移重新读取(GCJ-02 / BD-09)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="270"/>
        <source>Single colour</source>
        <translation>单一颜色</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="268"/>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="265"/>
        <source>Zoom to</source>
        <translation>缩放至</translation>
    </message>
</context>
<context>
    <name>Loader</name>
    <message>
        <location filename="../../parksgis/qt/loader.py" line="97"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/loader.py" line="98"/>
        <source>Loading</source>
        <translation>正在加载</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="56"/>
        <source>%1: folder %2 does not exist</source>
        <translation>%1:文件夹 %2 不存在</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="144"/>
        <source>&amp;About parksgis</source>
        <translation>关于 parksgis(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="136"/>
        <source>&amp;Add layer files…</source>
        <translation>添加图层文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="316"/>
        <source>&amp;Copy map image</source>
        <translation>复制地图图片(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="143"/>
        <source>&amp;Display CRS…</source>
        <translation>显示坐标系(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="317"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="315"/>
        <source>&amp;Export briefing…</source>
        <translation>导出简报(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="155"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="163"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="146"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="162"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="150"/>
        <source>&amp;Measure distance</source>
        <translation>量测距离(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="147"/>
        <source>&amp;Pan and identify</source>
        <translation>平移与识别(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="159"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="137"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="156"/>
        <source>&amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="149"/>
        <source>&amp;Select by box</source>
        <translation>框选(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="161"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="160"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="157"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="148"/>
        <source>&amp;Zoom to box</source>
        <translation>拉框放大(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="265"/>
        <source>About parksgis</source>
        <translation>关于 parksgis</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="243"/>
        <source>Add layer files</source>
        <translation>添加图层文件</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="324"/>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="142"/>
        <source>Clear selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="352"/>
        <source>Copy failed: %1</source>
        <translation>复制失败:%1</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="323"/>
        <source>Identify</source>
        <translation>要素信息</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="323"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="244"/>
        <source>Layers and imagery (*.geojson *.json *.gpkg *.shp *.kml *.tif *.tiff *.mbtiles);;All files (*)</source>
        <translation>图层和影像 (*.geojson *.json *.gpkg *.shp *.kml *.tif *.tiff *.mbtiles);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="358"/>
        <source>Map image copied (%1 × %2 pixels)</source>
        <translation>地图图片已复制(%1 × %2 像素)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="164"/>
        <source>Map tools</source>
        <translation>地图工具</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="151"/>
        <source>Measure a&amp;rea</source>
        <translation>量测面积(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="124"/>
        <source>Nothing on the map for “%1”</source>
        <translation>地图上没有找到“%1”</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="322"/>
        <source>Nothing to export: open a folder of layers first.</source>
        <translation>没有可导出的内容:请先打开图层文件夹。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="135"/>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="237"/>
        <source>Open a folder of layers</source>
        <translation>打开图层文件夹</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="324"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="193"/>
        <source>Problems (%1)</source>
        <translation>问题 (%1)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="323"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="287"/>
        <source>The bundled font has no glyph for %1; drawn as boxes.</source>
        <translation>内置字体缺少字形 %1,将显示为方框。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="145"/>
        <source>User &amp;guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="139"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="140"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="138"/>
        <source>Zoom to &amp;all</source>
        <translation>全图(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="141"/>
        <source>Zoom to &amp;selection</source>
        <translation>缩放至所选(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="158"/>
        <source>Zoom to par&amp;k</source>
        <translation>缩放至园区(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="40"/>
        <source>a folder is in the way</source>
        <translation>该位置有同名文件夹</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="312"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="312"/>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="310"/>
        <source>layer pack</source>
        <translation>图层包</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="37"/>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="59"/>
        <source>nothing to draw: the layers hold no features</source>
        <translation>没有可绘制的内容:图层中没有要素</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="266"/>
        <source>parksgis %1 — plots, roads and utilities of the Zhuhai–Yangjiang co-built industrial parks, linked to their construction projects.</source>
        <translation>parksgis %1 — 珠海(阳江)共建产业园的地块、道路与市政设施，关联其建设项目状态。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="304"/>
        <source>parksgis — Zhuhai–Yangjiang co-built industrial parks</source>
        <translation>parksgis — 珠海(阳江)共建产业园</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="35"/>
        <location filename="../../parksgis/qt/export_dialog.py" line="36"/>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="315"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="307"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="38"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="39"/>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="41"/>
        <source>the name is too long</source>
        <translation>名称过长</translation>
    </message>
    <message>
        <source>Layers (*.geojson *.json *.gpkg *.shp *.kml);;All files (*)</source>
        <translation type="vanished">图层 (*.geojson *.json *.gpkg *.shp *.kml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Zoom to &amp;park</source>
        <translation type="vanished">缩放至园区(&amp;P)</translation>
    </message>
</context>
<context>
    <name>MapContextMenu</name>
    <message>
        <location filename="../../parksgis/qt/map_context_menu.py" line="32"/>
        <source>&amp;Copy coordinates</source>
        <translation>复制坐标(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/map_context_menu.py" line="30"/>
        <source>&amp;Identify here</source>
        <translation>识别此处(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/map_context_menu.py" line="36"/>
        <source>&amp;Measure from here</source>
        <translation>从此处开始量测(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/map_context_menu.py" line="39"/>
        <source>&amp;Select features here (%1)</source>
        <translation>选择此处要素(%1)(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/map_context_menu.py" line="35"/>
        <source>&amp;Zoom in here</source>
        <translation>在此处放大(&amp;Z)</translation>
    </message>
</context>
<context>
    <name>Measure</name>
    <message>
        <location filename="../../parksgis/qt/measure.py" line="44"/>
        <source>ha</source>
        <translation>公顷</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/measure.py" line="44"/>
        <source>mu</source>
        <translation>亩</translation>
    </message>
</context>
<context>
    <name>PackActions</name>
    <message numerus="yes">
        <location filename="../../parksgis/qt/pack_actions.py" line="345"/>
        <source>%n open merge conflict(s): File ▸ Resolve conflicts…</source>
        <translation>
            <numerusform>%n 处合并冲突未解决：文件 ▸ 解决冲突…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="89"/>
        <source>&amp;Merge changes…</source>
        <translation>合并更改(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="271"/>
        <source>Change files (*.json *.gpkg);;All files (*)</source>
        <translation>更改文件 (*.json *.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="242"/>
        <source>Change files (*.json)</source>
        <translation>更改文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="88"/>
        <source>Export c&amp;hanges…</source>
        <translation>导出更改(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="241"/>
        <source>Export changes</source>
        <translation>导出更改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/pack_actions.py" line="250"/>
        <source>Exported %n change(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 条更改到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="253"/>
        <source>Exporting changes…</source>
        <translation>正在导出更改…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="116"/>
        <source>Layer packs (*.gpkg);;All files (*)</source>
        <translation>图层包 (*.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="270"/>
        <source>Merge change files</source>
        <translation>合并更改文件</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="279"/>
        <source>Merged %1 change(s), %2 already there, %3 repeated; %4 new conflict(s).</source>
        <translation>已合并 %1 条更改，%2 条已存在，%3 条重复；新增 %4 处冲突。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="288"/>
        <source>Merging changes…</source>
        <translation>正在合并更改…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="87"/>
        <source>Open &amp;pack…</source>
        <translation>打开图层包(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="115"/>
        <source>Open a layer pack</source>
        <translation>打开图层包</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="234"/>
        <source>Open a layer pack to export its changes.</source>
        <translation>请先打开图层包再导出其更改。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="267"/>
        <source>Open a layers folder or an editable pack to merge changes into it.</source>
        <translation>请先打开图层文件夹或可编辑的图层包再合并更改。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="150"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="160"/>
        <source>Pack busy</source>
        <translation>图层包正忙</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="90"/>
        <source>Resolve &amp;conflicts…</source>
        <translation>解决冲突(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="172"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>&amp;Export changes…</source>
        <translation type="vanished">导出更改(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>ProblemFixes</name>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="102"/>
        <source>%1 came from a Chinese web map; convert its coordinates from:</source>
        <translation>%1 来自国内网络地图;从以下坐标系转换其坐标:</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="121"/>
        <source>%1 could not be re-saved: %2</source>
        <translation>无法重新保存 %1:%2</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="99"/>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09(百度)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="99"/>
        <source>GCJ-02 (AMap, Tencent, Google China)</source>
        <translation>GCJ-02(高德、腾讯、谷歌中国)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="112"/>
        <source>Re-save as UTF-8</source>
        <translation>另存为 UTF-8</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="113"/>
        <source>Rewrite %1 as UTF-8? The text stays the same; other programs will then read the Chinese names correctly.</source>
        <translation>将 %1 重写为 UTF-8 编码?文字内容不变,其他软件随后也能正确读取中文名称。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="101"/>
        <source>Web-map coordinates</source>
        <translation>网络地图坐标</translation>
    </message>
</context>
<context>
    <name>ProblemTexts</name>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="70"/>
        <source>A feature id repeats an earlier one.</source>
        <translation>要素编号与前面的要素重复。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="77"/>
        <source>A park listed in parks.json has no folder.</source>
        <translation>parks.json 中列出的园区没有对应文件夹。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="65"/>
        <source>A polygon ring was not closed; closed it.</source>
        <translation>面的环未闭合,已自动闭合。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="72"/>
        <source>A property named “geometry” is kept as “geometry_property”.</source>
        <translation>名为“geometry”的属性已保留为“geometry_property”。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="47"/>
        <source>An entry is not a feature; dropped.</source>
        <translation>某条目不是要素,已舍弃。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="32"/>
        <source>Binary data, not a text layer file.</source>
        <translation>二进制数据,不是文本图层文件。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="50"/>
        <source>Coordinates of the wrong structure; feature dropped.</source>
        <translation>坐标结构错误,要素已舍弃。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="51"/>
        <source>Coordinates that are not numbers (NaN, Infinity); feature dropped.</source>
        <translation>坐标不是有效数字(NaN、无穷大),要素已舍弃。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="64"/>
        <source>Empty geometry; kept as a row without a shape.</source>
        <translation>几何为空,保留为无图形的记录。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="46"/>
        <source>GDAL could not read the file.</source>
        <translation>GDAL 无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="66"/>
        <source>Invalid geometry (e.g. a self-intersection); repaired.</source>
        <translation>几何无效(如自相交),已修复。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="38"/>
        <source>JSON, but not GeoJSON.</source>
        <translation>是 JSON,但不是 GeoJSON。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="52"/>
        <source>Longitude or latitude out of range; feature dropped.</source>
        <translation>经度或纬度超出范围,要素已舍弃。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="60"/>
        <source>Longitude/latitude-like values with a projected coordinate system.</source>
        <translation>数值像经纬度,但声明的是投影坐标系。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="36"/>
        <source>Nested too deeply to read.</source>
        <translation>嵌套层级过深,无法读取。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="63"/>
        <source>No geometry; kept as a row without a shape.</source>
        <translation>没有几何,保留为无图形的记录。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="29"/>
        <source>No such file.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="45"/>
        <source>Not a layer format GDAL knows.</source>
        <translation>不是 GDAL 支持的图层格式。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="37"/>
        <source>Not enough memory to read the file.</source>
        <translation>内存不足,无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="35"/>
        <source>Not valid JSON.</source>
        <translation>不是有效的 JSON。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="67"/>
        <source>Nothing left after repairing the geometry; kept as a row without a shape.</source>
        <translation>几何修复后为空,保留为无图形的记录。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="69"/>
        <source>Points, lines and polygons mixed in one layer.</source>
        <translation>同一图层中混有点、线、面。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="61"/>
        <source>Some coordinates lie outside China and were left without the web-map offset conversion.</source>
        <translation>部分坐标位于中国境外,未做网络地图偏移转换。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="34"/>
        <source>The JSON stops early: a cut-off download or copy?</source>
        <translation>JSON 提前结束:下载或复制不完整?</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="58"/>
        <source>The coordinate system chosen differs from the one the file names; the chosen one is used.</source>
        <translation>所选坐标系与文件声明的不同,采用所选坐标系。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="57"/>
        <source>The coordinates are latitude,longitude, not longitude,latitude.</source>
        <translation>坐标顺序为纬度,经度,而非经度,纬度。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="53"/>
        <source>The coordinates fall outside what the coordinate system can project; feature dropped.</source>
        <translation>坐标超出该坐标系可投影的范围,要素已舍弃。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="41"/>
        <source>The coordinates look projected (metres), not longitude/latitude, and the file names no coordinate system: choose the one the data was drawn in (for Yangjiang usually CGCS2000 / 3-degree GK CM 111E, EPSG:4546).</source>
        <translation>坐标看起来是投影坐标(米),不是经纬度,且文件未声明坐标系:请选择数据绘制时所用的坐标系(阳江一般为 CGCS2000 / 3度带高斯-克吕格 中央经线111°E,EPSG:4546)。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="76"/>
        <source>The feature names a project that is not in the register.</source>
        <translation>要素关联的项目不在项目登记册中。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="71"/>
        <source>The feature&apos;s properties are not an object; ignored.</source>
        <translation>要素的属性不是对象,已忽略。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="30"/>
        <source>The file cannot be read (a folder, or no permission).</source>
        <translation>无法读取该文件(是文件夹,或没有权限)。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="75"/>
        <source>The file has no geometry; its rows are kept without shapes.</source>
        <translation>文件没有几何,各记录保留为无图形的记录。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="73"/>
        <source>The file holds several layers; the first is read.</source>
        <translation>文件包含多个图层,只读取第一个。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="55"/>
        <source>The file is GBK/GB18030, not UTF-8: read correctly here, but other programs may garble it. Re-save it as UTF-8.</source>
        <translation>文件为 GBK/GB18030 编码而非 UTF-8:本软件已正确读取,但其他软件可能显示乱码。请另存为 UTF-8。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="31"/>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="39"/>
        <source>The file names a coordinate system that is not known: choose the one the data was drawn in.</source>
        <translation>文件声明的坐标系无法识别:请选择数据绘制时所用的坐标系。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="48"/>
        <source>The geometry is not valid GeoJSON; feature dropped.</source>
        <translation>几何不是有效的 GeoJSON,要素已舍弃。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="74"/>
        <source>The layer has no features.</source>
        <translation>图层没有要素。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="79"/>
        <source>The status register cannot be read.</source>
        <translation>无法读取项目登记册。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="33"/>
        <source>The text is neither UTF-8 nor GBK/GB18030: save it as UTF-8.</source>
        <translation>文本既不是 UTF-8 也不是 GBK/GB18030 编码:请另存为 UTF-8。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="49"/>
        <source>Unknown geometry type; feature dropped.</source>
        <translation>未知几何类型,要素已舍弃。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="19"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="78"/>
        <source>parks.json cannot be read; the park folders are read without it.</source>
        <translation>无法读取 parks.json,园区文件夹将在没有它的情况下读取。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="19"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="104"/>
        <source>Choose coordinate system…</source>
        <translation>选择坐标系…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="66"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="138"/>
        <source>Copy the message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="66"/>
        <source>Feature</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="66"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="67"/>
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="66"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="67"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="105"/>
        <source>Re-save as UTF-8</source>
        <translation>另存为 UTF-8</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="136"/>
        <source>Read again with a web-map offset (GCJ-02 / BD-09)…</source>
        <translation>按网络地图偏移重新读取(GCJ-02 / BD-09)…</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../parksgis/qt/qt_own_strings.py" line="15"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/qt_own_strings.py" line="16"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T):</translation>
    </message>
</context>
<context>
    <name>RegisterLink</name>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="166"/>
        <source>No status register.</source>
        <translation>没有项目台账。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="94"/>
        <source>No status register: open a folder of layers or a pack to edit statuses.</source>
        <translation>没有项目台账：打开图层文件夹或图层包后才能编辑状态。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="164"/>
        <source>Nothing is open.</source>
        <translation>尚未打开任何内容。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="186"/>
        <source>Sample parks: your status edits are saved in %1</source>
        <translation>样例园区：您修改的状态保存在 %1</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="168"/>
        <source>The connection to the database server was lost; edits are refused until it is back (reconnecting automatically).</source>
        <translation>与数据库服务器的连接已断开;恢复前不接受修改(正在自动重连)。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="171"/>
        <source>The folder %1 cannot be written, so it is open read-only. To edit statuses, copy it to a folder you can write to (parksgis sample DIR copies the sample parks).</source>
        <translation>文件夹 %1 不可写入，已以只读方式打开。如需修改状态，请将其复制到可写入的文件夹（parksgis sample DIR 可复制样例园区）。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="175"/>
        <source>The register is open read-only.</source>
        <translation>项目台账以只读方式打开。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="83"/>
        <source>This GeoPackage holds no register.</source>
        <translation>此 GeoPackage 不含项目台账。</translation>
    </message>
    <message>
        <source>The layers folder cannot be written: edits are kept only until the window closes.</source>
        <translation type="vanished">图层文件夹不可写入：修改只保留到窗口关闭。</translation>
    </message>
    <message>
        <source>The pack is open read-only.</source>
        <translation type="vanished">图层包以只读方式打开。</translation>
    </message>
</context>
<context>
    <name>RegisterPanels</name>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="51"/>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="117"/>
        <source>Name recorded with your status edits (empty: your system user name):</source>
        <translation>随状态编辑记录的姓名（留空则使用系统用户名）：</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="45"/>
        <location filename="../../parksgis/qt/register_panels.py" line="82"/>
        <source>Status as of</source>
        <translation>状态截至</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="50"/>
        <source>Status changes</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="116"/>
        <source>Your name in the history</source>
        <translation>历史记录中的姓名</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="63"/>
        <location filename="../../parksgis/qt/register_panels.py" line="83"/>
        <source>Your name in the history…</source>
        <translation>历史记录中的姓名…</translation>
    </message>
</context>
<context>
    <name>RegisterTexts</name>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="23"/>
        <source>Actual finish</source>
        <translation>实际完工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="22"/>
        <source>Actual start</source>
        <translation>实际开工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="30"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="29"/>
        <source>Contractor</source>
        <translation>施工单位</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="26"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="27"/>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="25"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="24"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="28"/>
        <source>Owner</source>
        <translation>业主单位</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="31"/>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="21"/>
        <source>Planned finish</source>
        <translation>计划完工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="20"/>
        <source>Planned start</source>
        <translation>计划开工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="19"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="18"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ScaleBox</name>
    <message>
        <location filename="../../parksgis/qt/scale_box.py" line="52"/>
        <source>Map scale: type 1:N and press Enter</source>
        <translation>地图比例尺:输入 1:N 后按回车</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../parksgis/qt/search_box.py" line="105"/>
        <source>Search a project or feature: name or id</source>
        <translation>搜索项目或要素：名称或编号</translation>
    </message>
    <message>
        <source>Search project or feature (Chinese or English name, id)</source>
        <translation type="vanished">搜索项目或要素（中文 / English / 编号）</translation>
    </message>
    <message>
        <source>Search project or feature (中文 / English / id)</source>
        <translation type="vanished">搜索项目或要素（中文 / English / 编号）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../parksgis/qt/help_dialogs.py" line="77"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/help_dialogs.py" line="74"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/help_dialogs.py" line="86"/>
        <source>On the map: drag to pan, wheel to zoom, shift-drag zooms to a box, ctrl-drag selects, right-click for more. Esc returns to pan.</source>
        <translation>地图上:拖动平移,滚轮缩放,Shift+拖动拉框放大,Ctrl+拖动框选,右键打开更多操作。按 Esc 返回平移。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/help_dialogs.py" line="77"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>SpreadsheetActions</name>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="276"/>
        <source>%1: the file name must end in .csv or .xlsx</source>
        <translation>%1：文件名必须以 .csv 或 .xlsx 结尾</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="188"/>
        <source>&amp;Import status spreadsheet…</source>
        <translation>导入状态表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="195"/>
        <source>Apply a CSV or XLSX status sheet to the register, after a preview</source>
        <translation>预览后将 CSV 或 XLSX 状态表导入登记册</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="189"/>
        <source>E&amp;xport register…</source>
        <translation>导出登记册(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="260"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="259"/>
        <source>Export register</source>
        <translation>导出登记册</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="284"/>
        <source>Exported %n project(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个项目导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="217"/>
        <source>Import status spreadsheet</source>
        <translation>导入状态表</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="251"/>
        <source>Imported %1: %n history row(s) written (Ctrl+Z undoes the import).</source>
        <translation>
            <numerusform>已导入 %1：写入 %n 条历史记录（Ctrl+Z 撤销本次导入）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="158"/>
        <source>Showing statuses as of %1: return to today to import.</source>
        <translation>正在显示 %1 的状态：请回到今天再导入。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="218"/>
        <source>Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)</source>
        <translation>电子表格 (*.csv *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="199"/>
        <source>Write the register to a CSV (UTF-8) or XLSX file</source>
        <translation>将登记册写入 CSV（UTF-8）或 XLSX 文件</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="304"/>
        <source>parksgis</source>
        <translation>parksgis</translation>
    </message>
</context>
<context>
    <name>StaleEditDialog</name>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="43"/>
        <source>Apply mine</source>
        <translation>仍用我的值</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="30"/>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="24"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="45"/>
        <source>Edit</source>
        <translation>返回编辑</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="29"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="41"/>
        <source>Keep theirs</source>
        <translation>保留对方的值</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="30"/>
        <source>Now in the register</source>
        <translation>登记册中的现值</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="26"/>
        <source>Project %1 changed after you opened it. Nothing was saved. Compare the values and choose which to keep.</source>
        <translation>项目 %1 在您打开后已被他人修改,本次未保存任何内容。请比较两边的值,选择保留哪一个。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="29"/>
        <source>Yours</source>
        <translation>您的值</translation>
    </message>
</context>
<context>
    <name>StatusEditor</name>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="137"/>
        <source>Actual finish</source>
        <translation>实际完工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="137"/>
        <source>Actual start</source>
        <translation>实际开工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="141"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="195"/>
        <source>Changed elsewhere while you were editing; Apply will show both values.</source>
        <translation>您编辑期间此项目已在别处被修改;点击“应用”将显示双方的值。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="134"/>
        <source>Edit status</source>
        <translation>编辑状态</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="144"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="286"/>
        <source>Kept the register&apos;s values; yours were dropped.</source>
        <translation>已保留登记册中的值,您的修改未保存。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="250"/>
        <source>No changes to apply.</source>
        <translation>没有要应用的更改。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="138"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="301"/>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="136"/>
        <source>Planned finish</source>
        <translation>计划完工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="136"/>
        <source>Planned start</source>
        <translation>计划开工</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="135"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="267"/>
        <source>Saved %1: %2</source>
        <translation>已保存 %1：%2</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="177"/>
        <source>Showing statuses as of %1: return to today to edit.</source>
        <translation>正在显示截至 %1 的状态：回到今天才能编辑。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="135"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="142"/>
        <source>Undo last edit</source>
        <translation>撤销上次编辑</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="143"/>
        <source>Undo last status edit</source>
        <translation>撤销上次状态编辑</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="304"/>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="288"/>
        <source>Your values are still in the form: change them or Apply to overwrite what is in the register now.</source>
        <translation>您的值仍在表单中:可继续修改,或点“应用”覆盖登记册中的现值。</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="220"/>
        <source>initial</source>
        <translation>初始</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="220"/>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="219"/>
        <source>spreadsheet</source>
        <translation>表格导入</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="219"/>
        <source>undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="219"/>
        <source>window</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>StatusLegend</name>
    <message>
        <location filename="../../parksgis/qt/status_legend.py" line="102"/>
        <location filename="../../parksgis/qt/status_legend.py" line="128"/>
        <source>Click a status to hide or show its features</source>
        <translation>点击状态以隐藏或显示对应要素</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_legend.py" line="139"/>
        <source>No project</source>
        <translation>无项目</translation>
    </message>
</context>
<context>
    <name>ViewportFeeder</name>
    <message>
        <location filename="../../parksgis/qt/viewport_feeder.py" line="165"/>
        <source>Could not read the map&apos;s features: %1</source>
        <translation>无法读取地图要素：%1</translation>
    </message>
</context>
<context>
    <name>WorkspaceLoading</name>
    <message>
        <location filename="../../parksgis/qt/workspace_loading.py" line="39"/>
        <location filename="../../parksgis/qt/workspace_loading.py" line="63"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/workspace_loading.py" line="70"/>
        <source>Opening cancelled</source>
        <translation>已取消打开</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/workspace_loading.py" line="152"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个文件…</numerusform>
        </translation>
    </message>
</context>
</TS>
