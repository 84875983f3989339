/* headless-size.c — FOR TESTS ONLY: sets the size of wlroots' headless output.
 *
 * cage 0.1.4 (Debian 12) has no output-management protocol, and wlroots 0.15's headless
 * backend always makes a 1280×720 output. To test the kiosk at its design size without a
 * screen, this preload library changes that size to WLR_HEADLESS_SIZE (e.g. 1920x1080).
 *   gcc -shared -fPIC -O2 -o /usr/local/lib/headless-size.so headless-size.c -ldl
 *   Environment=LD_PRELOAD=/usr/local/lib/headless-size.so WLR_HEADLESS_SIZE=1920x1080
 * (in test/headless.conf). Never install this on a real kiosk.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

struct wlr_backend;
struct wlr_output;

struct wlr_output *wlr_headless_add_output(struct wlr_backend *backend, unsigned int width,
                                           unsigned int height) {
    static struct wlr_output *(*real)(struct wlr_backend *, unsigned int, unsigned int);
    if (!real) {
        real = (struct wlr_output * (*)(struct wlr_backend *, unsigned int, unsigned int))
            dlsym(RTLD_NEXT, "wlr_headless_add_output");
    }
    const char *size = getenv("WLR_HEADLESS_SIZE");
    unsigned int w, h;
    if (size && sscanf(size, "%ux%u", &w, &h) == 2 && w > 0 && h > 0) {
        width = w;
        height = h;
    }
    return real(backend, width, height);
}
