/* A minimal aarch64 UEFI application for tst_qemunetboot: AAVMF loads it over PXE/TFTP from
 * Metal Boot, it prints a marker on the console (mirrored to the serial port) and shuts the
 * machine down. Built by the test with clang --target=aarch64-pc-windows-msvc + lld-link (PE32+,
 * EFI application); no headers, the few UEFI structures it touches are declared here. */
typedef unsigned long long u64;
typedef unsigned short c16;
typedef struct { u64 signature; unsigned revision, header_size, crc32, reserved; } table_header;
typedef struct text_out { void *reset; u64 (*output_string)(struct text_out *, const c16 *); } text_out;
typedef struct runtime_services {
    table_header header;
    void *functions[10]; /* GetTime ... GetNextHighMonotonicCount */
    void (*reset_system)(int type, u64 status, u64 size, void *data);
} runtime_services;
typedef struct {
    table_header header;
    void *firmware_vendor;
    unsigned firmware_revision;
    void *console_in_handle, *con_in, *console_out_handle;
    text_out *con_out;
    void *standard_error_handle, *std_err;
    runtime_services *runtime;
    void *boot_services;
} system_table;

u64 efi_main(void *image, system_table *st)
{
    (void)image;
    st->con_out->output_string(st->con_out, u"\r\nMETALBOOT-E2E-NBP arch=aarch64 loaded over TFTP\r\n");
    st->runtime->reset_system(2 /* EfiResetShutdown */, 0, 0, 0);
    return 0;
}
