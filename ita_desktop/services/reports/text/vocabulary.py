"""Words a printed line must not end inside: the vocabulary of the ITA and of local government.

Why a list of our own: newmm (pythainlp) finds the fewest dictionary words, and when two splits
are as few it takes the one whose first word is shortest. So it cuts words its dictionary has
whenever the text around them allows a split as short (ให้|หน่วย|งานแสดง beats
ให้|หน่วยงาน|แสดง, ตาม|ขั้น|ตอนที่, โดยดำเนิน|การปรับปรุง), and it cuts words its dictionary
lacks (กอง|คลัง, สำนัก|ปลัด, พบ|ว่า, ตัว|ชี้|วัด). The segmenter (segment.py) adds these words to
newmm's dictionary and keeps each one whole wherever newmm cut it; a column too narrow for one
still cuts it into its dictionary words.

Add a word when a printed report breaks a line inside it: a word or fixed name, not a phrase
(every entry is a place where a line may no longer break). Place names differ per office: they
come from the office record at run time (``segment.add_words``), not from here.
"""

KEEP_WHOLE = frozenset(
    {
        # The assessment (ITA) and its documents
        "ตัวชี้วัด",
        "แบบวัด",
        "ข้อคำถาม",
        "ประจำปีงบประมาณ",
        "ปีงบประมาณ",
        "งบประมาณ",
        "ขั้นตอน",
        "ดำเนินการ",
        "ประชาสัมพันธ์",
        "ผู้มีส่วนได้ส่วนเสีย",
        "ผู้รับบริการ",
        "ผู้ใช้บริการ",
        "ผู้รับผิดชอบ",
        "ผู้บริหาร",
        "ผู้บังคับบัญชา",
        "ผู้ใต้บังคับบัญชา",
        "ผลประโยชน์ทับซ้อน",
        "จัดซื้อจัดจ้าง",
        "ข้อมูลข่าวสาร",
        "ประพฤติมิชอบ",
        "เว็บไซต์",
        "พบว่า",
        "รายงาน",
        "แนวทาง",
        "ส่วนงาน",
        "มีส่วนร่วม",
        "เบิกจ่าย",
        "ข้อกังวล",
        "มากน้อย",
        "หอกระจายข่าว",
        "ประพฤติกรรม",  # as the NACC's item i15 spells it
        # The levels of the assessment
        "ผ่านดีเยี่ยม",
        "ผ่านดี",
        "ต้องปรับปรุง",
        "ต้องปรับปรุงโดยด่วน",
        # The office and its divisions
        "หน่วยงาน",
        "เจ้าหน้าที่",
        "บุคลากร",
        "สำนักปลัด",
        "กองคลัง",
        "กองช่าง",
        "กองการศึกษา",
        "กองสาธารณสุข",
        "กองสวัสดิการสังคม",
        "กองยุทธศาสตร์",
        "กองการเจ้าหน้าที่",
        "กองส่งเสริมการเกษตร",
        "ปลัดเทศบาล",
        "รองปลัดเทศบาล",
        "นายกเทศมนตรี",
        "เทศบาลตำบล",
        "เทศบาลเมือง",
        "เทศบาลนคร",
        "องค์การบริหารส่วนตำบล",
        "องค์การบริหารส่วนจังหวัด",
        "องค์กรปกครองส่วนท้องถิ่น",
        "พนักงานส่วนตำบล",
        "พนักงานเทศบาล",
        "พนักงานจ้าง",
        "ลูกจ้างประจำ",
    }
)
