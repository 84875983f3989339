#!/bin/sh
# deploy/kiosk/setup-ticket-printer.sh — run once as root on the kiosk PC (needs: cups).
#
# Makes the CUPS queue "Ticket80" for the 80 mm thermal ticket printer, with 80 mm roll paper
# as its default size, and makes it the default printer: Chromium's --kiosk-printing prints
# every ticket there without a dialog, on the default printer's default paper size. (Chromium
# lays the page out at the @page size the kiosk sets, 80 mm wide, and centres it on that
# paper: on an A4 default the ticket lands in the middle of an A4 page.)
#
#   setup-ticket-printer.sh test                 virtual printer: every job becomes a PDF in
#                                                ~kiosk/PDF/ (needs printer-driver-cups-pdf)
#   setup-ticket-printer.sh DEVICE-URI PPD       a real printer, e.g. its USB URI from
#                                                `lpinfo -v` and the maker's PPD file
set -eu

queue=Ticket80
mode=${1:?usage: $0 test | DEVICE-URI PPD}

if [ "$mode" = test ]; then
    # The cups-pdf PPD, with an 80 mm x 297 mm roll size (226.77 x 841.89 pt) as the default.
    ppd=$(mktemp)
    zcat -f /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd | awk '
        /^\*DefaultPageSize:/      { print "*DefaultPageSize: RP80x297"; next }
        /^\*DefaultPageRegion:/    { print "*DefaultPageRegion: RP80x297"; next }
        /^\*DefaultImageableArea:/ { print "*DefaultImageableArea: RP80x297"; next }
        /^\*DefaultPaperDimension:/{ print "*DefaultPaperDimension: RP80x297"; next }
        { print }
        /^\*OpenUI \*PageSize/   { print "*PageSize RP80x297/Roll Paper 80 x 297 mm: \"<</PageSize[226.77 841.89]/ImagingBBox null>>setpagedevice\"" }
        /^\*OpenUI \*PageRegion/ { print "*PageRegion RP80x297/Roll Paper 80 x 297 mm: \"<</PageSize[226.77 841.89]/ImagingBBox null>>setpagedevice\"" }
        END {
            print "*ImageableArea RP80x297/Roll Paper 80 x 297 mm: \"0 0 226.77 841.89\""
            print "*PaperDimension RP80x297/Roll Paper 80 x 297 mm: \"226.77 841.89\""
        }' > "$ppd"
    lpadmin -p "$queue" -E -v cups-pdf:/ -P "$ppd" -D "Ticket printer 80 mm (test: PDF)" -L "Kiosk"
    rm -f "$ppd"
else
    uri=$mode
    ppd=${2:?give the PPD file of the printer}
    lpadmin -p "$queue" -E -v "$uri" -P "$ppd" -D "Ticket printer 80 mm" -L "Kiosk"
fi

lpadmin -d "$queue"
# A printed ticket holds its link and the documents the visitor lacks: CUPS keeps neither the
# print file nor the job's history once it is printed (docs/data-protection.md).
cupsctl PreserveJobFiles=No PreserveJobHistory=No
lpoptions -d "$queue" >/dev/null
cupsenable "$queue"
cupsaccept "$queue"
lpstat -d -p "$queue"
lpoptions -p "$queue" -l | grep -i '^PageSize'
