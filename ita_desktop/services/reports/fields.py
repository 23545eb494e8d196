"""What a layout may name: table sources with their row and group fields, and placeholders."""

from dataclasses import dataclass

# Placeholders every template may use ({office}, {year}, …); formatted in the chosen digits.
GLOBAL_NAMES = {
    "office": "ชื่อหน่วยงาน",
    "office_kind": "ประเภทหน่วยงาน",
    "district": "อำเภอ (ไม่มีคำว่าอำเภอ)",
    "province": "จังหวัด (ไม่มีคำว่าจังหวัด)",
    "place": "อำเภอ… จังหวัด… (ว่างเมื่อไม่ได้กรอก)",
    "year": "ปีงบประมาณที่พิมพ์ในชื่อเอกสาร (--year)",
    "results_year": "ปีของผลการประเมินที่วิเคราะห์",
    "previous_year": "ปีก่อนปีของผลการประเมิน",
    "plan_year": "ปีของแผนมาตรการ",
    "round": "รอบการรายงาน (๖ หรือ ๑๒)",
    "round_period": "เดือนของรอบ เช่น เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖",
    "meeting_date": "วันที่ประชุมกำหนดมาตรการ",
    "target": "คะแนนเป้าหมาย (๘๕)",
    "figure": "เลขภาพถัดไป (ใช้ในคำบรรยายภาพ)",
}

_MEASURE = {
    "number": "ลำดับของมาตรการในแผน",
    "measure": "มาตรการ/แนวทาง/โครงการ/กิจกรรม",
    "measure_numbered": "มาตรการ นำหน้าด้วยลำดับ (๑. …)",
    "issue": "ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน (หรือข้อที่มาตรการตอบ)",
    "analysis": "ผลการวิเคราะห์ตัวชี้วัดที่มาตรการตอบ",
    "finding": "ผลคะแนนของข้อที่มาตรการตอบ (หัวข้อของตารางแบบ 000)",
    "steps": "ขั้นตอน/วิธีการดำเนินการ (รายการ)",
    "measure_steps": "มาตรการ ตามด้วยขั้นตอน (รายการ)",
    "responsible": "ผู้รับผิดชอบ (บรรทัดละหนึ่ง)",
    "period": "ระยะเวลาดำเนินการ (ต.ค. ๒๕๖๖ - มี.ค. ๒๕๖๗)",
    "period_short": "ระยะเวลาดำเนินการ ปีย่อ (ต.ค. ๖๖ - มี.ค. ๖๗)",
    "period_wide": "ระยะเวลาดำเนินการ ชื่อเดือนเต็ม",
    "follow_up": "การรายงานผลและการกำกับติดตาม",
    "expected_result": "ผลที่คาดว่าจะได้รับ",
    "items": "รหัสข้อที่มาตรการตอบ",
    "indicator": "ตัวชี้วัดที่มาตรการตอบ (๑. การปฏิบัติหน้าที่)",
    "status": "สถานะในรอบ",
    "status_text": "สถานะพร้อมวันที่ (ดำเนินการแล้ว เมื่อวันที่ …)",
    "date_done": "วันที่ดำเนินการแล้วเสร็จ",
    "results": "ผลการดำเนินการ/สรุปผล (รายการ)",
    "outcome": "ผลลัพธ์/ความสำเร็จ",
    "remark": "หมายเหตุ",
    "done": "ช่องดำเนินการแล้ว: ผลการดำเนินการ หรือ -",
    "doing": "ช่องอยู่ระหว่างดำเนินการ: ผลการดำเนินการ หรือ -",
    "todo": "ช่องยังไม่ดำเนินการ: ผลการดำเนินการ หรือ -",
}
_INSTRUMENT_GROUP = {
    "n": "ลำดับของกลุ่ม",
    "path": "ลำดับแบบจุด (๑.๒)",
    "code": "รหัสแบบวัด (IIT)",
    "name": "ชื่อแบบวัด",
    "short_name": "ชื่อแบบวัดแบบสั้น (… (IIT))",
    "score": "คะแนนแบบวัด",
}
_INDICATOR_GROUP = {
    "n": "ลำดับของกลุ่ม",
    "path": "ลำดับแบบจุด",
    "number": "เลขตัวชี้วัด",
    "name": "ชื่อตัวชี้วัด",
    "label": "๑. การปฏิบัติหน้าที่",
    "instrument": "รหัสแบบวัด",
    "score": "คะแนนตัวชี้วัด",
    "previous": "คะแนนปีก่อน",
    "diff": "ผลต่าง",
    "analysis": "ผลการวิเคราะห์ตัวชี้วัด (ข้อความของผู้ใช้ หรือร่างของโปรแกรม)",
}
_ITEM_GROUP = {
    "n": "ลำดับของกลุ่ม",
    "path": "ลำดับแบบจุด (๑.๑)",
    "code": "รหัสข้อ",
    "text": "ข้อความของข้อ (ว่างเมื่อเกณฑ์ไม่ทราบข้อความ)",
    "score": "คะแนนของข้อ",
    "indicator": "เลขตัวชี้วัด",
    "indicator_name": "ชื่อตัวชี้วัด",
    "instrument": "รหัสแบบวัด",
    "instrument_name": "ชื่อแบบวัด",
    "short_name": "ชื่อแบบวัดแบบสั้น",
}


@dataclass(frozen=True)
class Source:
    """Rows a table block can list: fields of each row, and of each group when grouped."""

    description: str
    rows: dict[str, str]
    groups: dict[str, str] | None = None  # fields of the built-in grouping, if any
    group_by: tuple[str, ...] = ()  # groupings the layout may choose (measures only)


SOURCES: dict[str, Source] = {
    "parts": Source(
        "คะแนนรายแบบวัด (IIT, EIT ส่วนที่ ๑, EIT ส่วนที่ ๒, OIT และภาพรวม)",
        {"label": "แบบวัด", "name": "ชื่อเต็ม", "previous": "ปีก่อน", "score": "ปีนี้", "diff": "ผลต่าง"},
    ),
    "indicators": Source(
        "คะแนนรายตัวชี้วัดกับปีก่อน",
        {
            "number": "เลข",
            "name": "ชื่อ",
            "label": "๑. ชื่อ",
            "instrument": "แบบวัด",
            "previous": "ปีก่อน",
            "score": "ปีนี้",
            "diff": "ผลต่าง",
            "rank": "อันดับ",
        },
    ),
    "ranking": Source(
        "ตัวชี้วัดเรียงตามคะแนน",
        {"rank": "อันดับ", "number": "เลข", "name": "ชื่อ", "label": "๑. ชื่อ", "score": "คะแนน"},
    ),
    "extremes": Source(
        "คะแนนสูงสุดและต่ำสุด",
        {"label": "คะแนนสูงสุด/ต่ำสุด", "score": "คะแนน", "unit": "คะแนน", "names": "ตัวชี้วัด"},
    ),
    "indicator_items": Source(
        "ตัวชี้วัดและข้อคำถามของแต่ละตัวชี้วัด พร้อมผลการวิเคราะห์",
        {"code": "รหัสข้อ", "text": "ข้อความ", "item": "รหัสและข้อความ", "score": "คะแนน"},
        _INDICATOR_GROUP,
    ),
    "weak_items": Source(
        "ข้อที่ต่ำกว่าเป้าหมายของแต่ละแบบวัด พร้อมวิธีการแก้ไข",
        {
            "code": "รหัสข้อ",
            "text": "ข้อความ",
            "item": "รหัสและข้อความ",
            "score": "คะแนน",
            "fix": "วิธีการแก้ไข (ข้อความของผู้ใช้ item:รหัส)",
        },
        _INSTRUMENT_GROUP
        | {
            "indicators": "ตารางย่อย เลข | ตัวชี้วัด | คะแนน",
            "total": "จำนวนข้อของแบบวัดตามเกณฑ์",
            "count": "จำนวนข้อที่ต่ำกว่าเป้าหมาย",
            "summary": "สรุปของแบบวัด (ข้อความของผู้ใช้ หรือร่างของโปรแกรม)",
        },
    ),
    "measures": Source(
        "มาตรการของแผน พร้อมผลการดำเนินการของรอบ",
        _MEASURE,
        None,
        ("instrument", "indicator", "item", "measure"),
    ),
}

GROUP_FIELDS = {
    "instrument": _INSTRUMENT_GROUP,
    "indicator": _INDICATOR_GROUP,
    "item": _ITEM_GROUP,
    # one group per measure: its own heading and table (seed 000)
    "measure": _MEASURE | {"n": "ลำดับของกลุ่ม", "path": "ลำดับแบบจุด (๑.๑)"},
}
