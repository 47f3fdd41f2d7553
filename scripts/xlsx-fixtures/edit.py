# Edits the demo template the way people do in other tools (run by make.sh with Debian's
# python3-openpyxl). Each workbook is written by openpyxl itself.
import datetime
import sys

import openpyxl
from openpyxl.comments import Comment

src, out = sys.argv[1], sys.argv[2]

# Opened and saved unchanged: openpyxl stores the 38 help notes under xl/comments/ with
# absolute targets, and every string inline.
wb = openpyxl.load_workbook(src)
wb.save(f"{out}/openpyxl-resaved.xlsx")

# Edited: an extra sheet in front, 目標 moved last, a new note, full-width digits typed into
# number cells, an interim report with a date cell.
wb = openpyxl.load_workbook(src)
memo = wb.create_sheet("メモ", 0)
memo["A1"] = "作業メモ"
memo["B2"] = 123
goals = wb["目標"]
wb.move_sheet(goals, offset=len(wb.sheetnames))
goals["C2"].comment = Comment("課長確認済み", "総務課")
targets = wb["達成目標"]
targets["H2"] = "５５"
targets["J2"] = "２０２２"
progress = wb["中間報告"]
progress["A2"] = 1
progress["B2"] = datetime.datetime(2023, 10, 1)
progress["B2"].number_format = "yyyy/m/d"
progress["C2"] = "順調"
progress["D2"] = "上半期のアンケートを実施した。"
progress["E2"] = "１: ４８．５"
wb.save(f"{out}/openpyxl-edited.xlsx")

# Formulas: LibreOffice opens this and saves it with the computed values cached.
wb = openpyxl.load_workbook(src)
targets = wb["達成目標"]
targets["H2"] = "=50+5"
progress = wb["中間報告"]
progress["A2"] = "=0+1"
progress["B2"] = "=DATE(2023,10,1)"
progress["B2"].number_format = "yyyy-mm-dd"
progress["C2"] = "順調"
progress["D2"] = '="上半期の"&"アンケートを実施した。"'
progress["E2"] = "=\"1: \"&97/2"
wb.save(f"{out}/formulas-uncalculated.xlsx")

# Mistakes a person makes, for the sheet/cell errors: a goal number that does not exist and
# a comparator word that is not in the list.
wb = openpyxl.load_workbook(src)
targets = wb["達成目標"]
targets["A3"] = 99
targets["G2"] = "たぶん"
wb.save(f"{out}/mistakes-uncalculated.xlsx")
